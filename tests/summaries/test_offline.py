"""Summarizing never needs NLTK data or the network, with any method."""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import socket, nltk

    def refuse(*args, **kwargs):
        raise RuntimeError("network or download attempted")

    nltk.download = refuse
    socket.socket.connect = refuse
    socket.create_connection = refuse

    from summaries import Article, SummaryOptions, METHODS, summarize

    text = (
        "The city council approved a new budget on Monday after months of debate. "
        "Dr. Ana Ruiz, who chairs the finance committee, said the plan adds 3.5 percent "
        "to school spending. Critics in the U.S. Chamber of Commerce called it reckless. "
        "The mayor is expected to sign the budget next week. Residents will see higher "
        "property taxes from January. Road repairs get a larger share than last year."
    )
    for name in METHODS:
        briefing = summarize(Article("Council passes budget", text), SummaryOptions(method=name))
        assert briefing.sentences, name
        assert all(s in text for s in briefing.sentences), name
    print("ok", len(METHODS))
    """
)


def test_every_method_runs_without_nltk_data_or_network(tmp_path):
    env = {"NLTK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ok", "9"]
