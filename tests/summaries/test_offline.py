"""Summarizing never needs NLTK data or the network, with any method and in any language."""

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
    # the language detector's model and the Chinese and Japanese segmenters ship too
    chinese = (
        "布伦港的集装箱码头周二遭到勒索软件攻击，装卸系统全部停止运行。"
        "港务局表示，从清晨开始，码头已无法装卸任何集装箱。"
        "约四十艘货轮正在外海等待靠泊，数百辆卡车滞留在码头入口。"
    )
    japanese = (
        "北浜市の港湾システムが火曜日、サイバー攻撃を受けて全面的に止まった。"
        "港湾局によると、約四十隻の貨物船が沖合で待機している。"
        "復旧には少なくとも三日かかる見通しだという。"
    )
    for text in (chinese, japanese):
        briefing = summarize(Article("", text), SummaryOptions(sentences=2))
        assert len(briefing.sentences) == 2, briefing
        assert all(s in text and s.endswith("。") for s in briefing.sentences), briefing
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
