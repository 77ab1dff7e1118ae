"""What worker processes run on, imported once by multiprocessing's fork server.

The pool's workers are forked from that server (see :mod:`summaries.ingest.pool`), so
what it imported is in each of them from the start and shared with them, page for page,
until one writes to a page. Importing this module anywhere else only loads the same
libraries.

Last, the objects imported so far are frozen out of the garbage collector: a collection
in a worker would otherwise write into every one of them (their collector fields),
copying each shared page into that worker.
"""

from __future__ import annotations

import gc

import charset_normalizer  # noqa: F401  (decoding a page that is not what it says)
import feedparser  # noqa: F401
import nltk.stem.snowball  # noqa: F401
import sumy.models.dom  # noqa: F401
import sumy.nlp.stemmers  # noqa: F401
import trafilatura  # noqa: F401
import trafilatura.utils  # noqa: F401

import summaries.detection
import summaries.ingest.pool  # noqa: F401  (the workers' initializer)
import summaries.ingest.prepare  # noqa: F401
import summaries.sources.folders  # noqa: F401
import summaries.sources.pages  # noqa: F401
import summaries.sources.probe  # noqa: F401
import summaries.summarize.default  # noqa: F401
import summaries.summarize.lead  # noqa: F401

summaries.detection.load_model()  # 5 MB, shared by the workers

gc.freeze()
