"""A language is named the same way everywhere a user names one: ``[summary] language``
takes the names and two-letter codes a source's ``language=`` takes ("tr", "nn", "ka"
as well as "turkish"), and a name the bot does not know is answered with a short
message a person can act on, not a list of every code."""

from __future__ import annotations

import pytest

from summaries.config import load_settings
from summaries.errors import ConfigError, InvalidOptionError
from summaries.language import check_language, declared_language, language_tools
from tests.test_config import write


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("tr", "turkish"),
        ("TR", "turkish"),
        ("nn", "norwegian"),
        ("ka", "georgian"),
        ("id", "indonesian"),
        ("Turkish", "turkish"),
        ("en", "english"),
        ("de", "german"),
    ],
)
def test_the_configured_language_takes_what_a_source_declaration_takes(given, name):
    check_language(given)  # no ConfigError
    assert language_tools(given).name == name == declared_language(given)


@pytest.mark.parametrize("error", [ConfigError, InvalidOptionError])
def test_an_unknown_language_is_answered_briefly_with_the_nearest_names(error):
    with pytest.raises(error) as raised:
        if error is ConfigError:
            check_language("turkis")
        else:
            declared_language("turkis")
    message = str(raised.value)
    assert "'turkis'" in message and "turkish" in message
    assert len(message) < 300, message  # not the ~120 codes one after another
    assert "sumy" not in message  # a library's name tells a reader nothing


def test_a_config_file_may_name_its_language_by_code(tmp_path):
    settings = load_settings(write(tmp_path, '[summary]\nlanguage = "tr"\n'))
    assert language_tools(settings.summary.language).name == "turkish"
