"""Errors raised in a worker process arrive in the bot whole (type, message, attributes)."""

from __future__ import annotations

import importlib
import pickle
import pkgutil

import summaries
from summaries.errors import BinaryInputError, BriefingError, EmptyArticleError, InputTooLargeError
from summaries.sources.errors import HTTPStatusError


def all_error_classes() -> list[type[BriefingError]]:
    for module in pkgutil.walk_packages(summaries.__path__, "summaries."):
        importlib.import_module(module.name)
    found, todo = [], [BriefingError]
    while todo:
        kind = todo.pop()
        found.append(kind)
        todo.extend(kind.__subclasses__())
    return found


def test_every_error_class_of_the_core_is_covered():
    names = {kind.__name__ for kind in all_error_classes()}
    assert {"BinaryInputError", "InputTooLargeError", "HTTPStatusError"} <= names


def test_errors_with_their_own_arguments_survive_a_round_trip():
    for error in (
        BinaryInputError(),
        EmptyArticleError("the file is empty"),
        InputTooLargeError(60_000_000, 8_000_000),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)


def test_attributes_survive_too():
    error = HTTPStatusError.answered(404)
    again = pickle.loads(pickle.dumps(error))
    assert again.status == 404 and str(again) == str(error) and "404" in str(again)


def test_an_unusable_article_in_the_worker_pool_gives_its_own_message_and_spares_the_pool():
    import asyncio

    import pytest

    from summaries import Article, SummaryOptions
    from summaries.ingest import SummaryPool

    async def run() -> None:
        async with SummaryPool(SummaryOptions(), workers=1, seconds=60) as pool:
            with pytest.raises(EmptyArticleError) as caught:
                await pool.prepare(Article(title="Menu", text="   \n\n  "))
            assert str(caught.value).count("There is no article text") == 1
            fine = await pool.prepare(
                Article(title="Harwick", text="The council approved the plan. It costs a lot.")
            )
            assert fine.briefing.sentences  # the same pool still works

    asyncio.run(run())
