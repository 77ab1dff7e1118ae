"""Turning cleaned article text into sumy's document model, with our offline splitter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summaries.sentences import OfflineTokenizer, split_paragraphs

if TYPE_CHECKING:  # sumy is imported where documents are built: in the worker processes
    from sumy.models.dom import ObjectDocumentModel, Sentence


def build_document(title: str, text: str, tokenizer: OfflineTokenizer) -> ObjectDocumentModel:
    """One sumy paragraph per text paragraph; the title, if any, is the first heading."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    paragraphs: list[Paragraph] = []
    heading = " ".join(title.split())
    for number, block in enumerate(split_paragraphs(text)):
        sentences = [Sentence(s, tokenizer) for s in tokenizer.to_sentences(block)]
        if number == 0 and heading:
            sentences.insert(0, Sentence(heading, tokenizer, is_heading=True))
        if sentences:
            paragraphs.append(Paragraph(sentences))
    return ObjectDocumentModel(paragraphs)


def regroup(document: ObjectDocumentModel, sentences: list[Sentence]) -> ObjectDocumentModel:
    """A document of some of ``document``'s sentences (kept in order) and all its headings."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph

    parts = [*document.headings, *sentences]
    return ObjectDocumentModel([Paragraph(parts)])
