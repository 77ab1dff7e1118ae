"""Scripts written without spaces between words, or with combining vowel signs: Thai, Lao,
Khmer, Burmese, Hindi, Bengali, Tamil. Their sentences are split, their words kept whole."""

from __future__ import annotations

import re
import unicodedata

import pytest

from summaries.clean._lines import word_count, word_tokens
from summaries.detection import detect_language
from summaries.grouping import SAME_STORY_THRESHOLD, StoryGrouper, fingerprint, similarity
from summaries.language import declared_language, language_tools
from summaries.models import Article, SummaryOptions
from summaries.sentences import OfflineTokenizer, split_sentences
from summaries.store import open_store
from summaries.summarize import article_texts, summarize
from summaries.summarize.terms import content_terms
from summaries.titles import is_site_only, strip_site
from summaries.words import NO_MARKS, marks_in
from tests.summaries.test_search import FILLER, lead_ids, put

THAI = [
    "กรมอุตุนิยมวิทยาประกาศเตือนพายุฝนฟ้าคะนองในภาคเหนือและภาคตะวันออกเฉียงเหนือ",
    "ประชาชนควรหลีกเลี่ยงการเดินทางในพื้นที่เสี่ยงน้ำท่วมฉับพลันตลอดสัปดาห์นี้",
    "เจ้าหน้าที่ได้เตรียมเครื่องสูบน้ำไว้แล้วกว่าสองร้อยเครื่องในจังหวัดเชียงใหม่",
]
LAO = [
    "ລັດຖະບານປະກາດແຜນການໃໝ່ເພື່ອຊ່ວຍເຫຼືອຊາວກະສິກອນໃນທົ່ວປະເທດ",
    "ໂຄງການນີ້ຈະເລີ່ມຕົ້ນໃນເດືອນໜ້າແລະຈະໃຊ້ເວລາສາມປີ",
]
KHMER = [
    "ធនាគារជាតិនៃកម្ពុជាបានប្រកាសពីគោលនយោបាយរូបិយវត្ថុថ្មីកាលពីថ្ងៃច័ន្ទ។",
    "អត្រាអតិផរណាបានធ្លាក់ចុះមកត្រឹមពីរភាគរយក្នុងខែមុន។",
]
BURMESE = [
    "ဗဟိုဘဏ်က အတိုးနှုန်းကို ယနေ့ မြှင့်တင်ကြောင်း ကြေညာခဲ့သည်။",
    "ဈေးနှုန်းများ ဆက်လက်မြင့်တက်နေဆဲ ဖြစ်သည်။",
]
ARMENIAN = [
    "Հայաստանի կառավարությունը հայտարարեց նոր բյուջեի մասին։",
    "Ֆինանսների նախարարը ասաց, որ հարկերը չեն բարձրանա։",
]
URDU = [
    "پاکستان کی حکومت نے نئے بجٹ کا اعلان کیا ہے۔",
    "وزیر خزانہ نے کہا کہ ٹیکس میں اضافہ نہیں ہوگا۔",
]


@pytest.mark.parametrize("sentences", [THAI, LAO], ids=["thai", "lao"])
def test_thai_and_lao_sentences_end_at_a_space_between_their_letters(sentences):
    assert split_sentences(" ".join(sentences)) == sentences


def test_a_thai_name_or_number_set_apart_by_spaces_stays_in_its_sentence():
    """Thai writes a space around a surname, a figure or a Latin word too: those end no
    sentence."""
    named = "นายกรัฐมนตรีเศรษฐา ทวีสิน กล่าวว่ารัฐบาลจะจัดสรรงบประมาณ 5,000 ล้านบาทเพื่อช่วยเหลือผู้ประสบภัยน้ำท่วม"
    branded = "บริษัท Apple เปิดตัวโทรศัพท์รุ่นใหม่ในกรุงเทพมหานครเมื่อวันอังคาร"
    assert split_sentences(f"{named} {THAI[0]}") == [named, THAI[0]]
    assert split_sentences(branded) == [branded]


def test_khmer_sentences_end_at_the_khan():
    assert split_sentences(" ".join(KHMER)) == KHMER


def test_burmese_and_khmer_full_stops_end_a_sentence_with_no_space_after_them():
    assert split_sentences("".join(BURMESE)) == BURMESE
    assert split_sentences("".join(KHMER)) == KHMER


# --- words written with combining marks: vowel signs, viramas, tone marks -------------------

HINDI = "मुंबई के बंदरगाह पर साइबर हमले के बाद काम रुक गया। अधिकारियों ने कहा कि जांच जारी है।"
BENGALI = "ঢাকায় ভারী বৃষ্টিতে শহরের বহু সড়ক পানিতে তলিয়ে গেছে।"
TAMIL = "சென்னையில் கனமழை காரணமாக பள்ளிகளுக்கு இன்று விடுமுறை அறிவிக்கப்பட்டது."


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (HINDI.split("।")[0], "मुंबई के बंदरगाह पर साइबर हमले के बाद काम रुक गया"),
        (BENGALI, "ঢাকায় ভারী বৃষ্টিতে শহরের বহু সড়ক পানিতে তলিয়ে গেছে"),
        (TAMIL, "சென்னையில் கனமழை காரணமாக பள்ளிகளுக்கு இன்று விடுமுறை அறிவிக்கப்பட்டது"),
        (THAI[0], THAI[0]),  # one run of letters: Thai puts no spaces between its words
        (BURMESE[1], "ဈေးနှုန်းများ ဆက်လက်မြင့်တက်နေဆဲ ဖြစ်သည်"),
        # A zero-width joiner inside a word shapes its letters (Sinhala's "ශ්‍රී", Bengali's
        # "র‍্যাব"): Unicode's word boundaries (UAX #29) keep it inside, as a mark.
        ("ශ්‍රී ලංකා රජය", "ශ්‍රී ලංකා රජය"),
        ("র‍্যাব সদস্যরা অভিযান চালায়", "র‍্যাব সদস্যরা অভিযান চালায়"),
    ],
    ids=["hindi", "bengali", "tamil", "thai", "burmese", "sinhala-zwj", "bengali-zwj"],
)
def test_a_word_keeps_its_vowel_signs_and_viramas(sentence, words):
    """Ranking, story grouping and cleaning read the words the sentence is written in, not
    the pieces between its combining marks ("साइबर", not "स" and "इबर")."""
    assert OfflineTokenizer("english").to_words(sentence) == tuple(words.split())
    assert word_tokens(sentence.lower()) == words.split()


def test_ranking_and_grouping_read_hindi_words_whole():
    tools = language_tools("english")  # Hindi is read in the configured language
    terms = content_terms(HINDI.split("।")[0], tools, OfflineTokenizer("english"))
    assert "साइबर" in terms and "बंदरगाह" in terms
    found = dict(fingerprint("साइबर हमले से बंदरगाह बंद", HINDI).terms)
    assert found["साइबर"] == found["बंदरगाह"] == 3.0  # twice in the headline, once in the lead


def test_thai_tone_marks_and_vowel_signs_add_no_words():
    """Thai is counted a word per two letters; a mark written on a letter is no letter."""
    letters_only = "".join(c for c in THAI[0] if unicodedata.category(c)[0] != "M")
    assert word_count(THAI[0]) == word_count(letters_only) < word_count(THAI[0] + "กก")


def test_latin_and_chinese_words_are_as_before():
    tokenizer = OfflineTokenizer("english")
    assert tokenizer.to_words("Café don’t state-of-the-art 3.5 U.S.") == (
        "Café",
        "don't",
        "state-of-the-art",
        "U",
        "S",
    )
    assert word_tokens("привет, мир 42") == ["привет", "мир", "42"]
    assert word_count("网络攻击导致港口关闭") == 6


@pytest.fixture
def store(location):
    with open_store(location) as opened:
        yield opened


@pytest.mark.parametrize(
    ("title", "prefix"),
    [
        ("साइबर हमले से बंदरगाह बंद", "साइब"),  # Hindi: a vowel sign in the prefix
        ("বন্দরে সাইবার হামলা", "সাইবা"),  # Bengali
        ("ไซเบอร์โจมตีท่าเรือ วันนี้", "ไซเบอ"),  # Thai: a run starting with the prefix
        ("ශ්‍රී ලංකා වරාය වසයි", "ශ්‍ර"),  # Sinhala: a zero-width joiner in the prefix
    ],
)
def test_a_prefix_of_a_word_with_combining_marks_finds_it(store, title, prefix):
    """The stored words that complete a prefix are whole words, marks and all, as a query
    reads them: before, "साइबर" was stored as "स" and "इबर", and "साइब" completed nothing."""
    found = put(store, title, f"{title}. " + FILLER)
    put(store, "Storm at the port", "A storm hit the port. " + FILLER)
    assert lead_ids(store, prefix) == [found]
    assert lead_ids(store, prefix + "*") == [found]


def test_an_article_stored_with_the_old_vocabulary_is_still_found(store):
    """A database from before words kept their marks counted "साइबर" for prefix search as
    "स" and "इबर": its article is found by the word itself; a prefix with a sign finds it
    once it is read again; a prefix completing to an old piece raises no error."""
    title = "साइबर हमले से बंदरगाह बंद"
    old = put(store, title, f"{title}. " + FILLER)
    store.execute("DELETE FROM words WHERE word IN ('साइबर', 'हमले', 'बंदरगाह', 'बंद')")
    store.execute("INSERT INTO words (word, docs) VALUES ('स', 9), ('इबर', 9), ('ह', 9)")
    assert lead_ids(store, "साइबर") == [old]
    assert lead_ids(store, "साइब*") == []  # until it is read again
    assert isinstance(lead_ids(store, "इ*"), list)
    again = put(store, title, f"{title}. Cranes stood still. " + FILLER, source="Mumbai Mirror")
    assert again in lead_ids(store, "साइब*")


def test_the_ranges_told_to_hold_no_combining_mark_hold_none():
    """marks_in skips the look-up of categories for a text of only these characters: a
    mark among them (in a newer Unicode) would be cut off its word again."""
    no_marks = re.compile(f"[{NO_MARKS}]")
    marks = [c for c in map(chr, range(0x10000)) if unicodedata.category(c)[0] == "M"]
    assert marks and not [hex(ord(c)) for c in marks if no_marks.match(c)]
    assert marks_in("Café, привет, 网络 ’—€") == ""
    assert set("िा") <= set(marks_in("साइबर हमला किया"))


# --- the language of a text in a script of its own --------------------------------------

HINDI_ARTICLE = f"{HINDI} बंदरगाह के अधिकारियों ने बताया कि जहाजों की आवाजाही कल से फिर शुरू होगी।"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (" ".join(THAI), "thai"),
        (HINDI_ARTICLE, "hindi"),
        (" ".join(KHMER), "khmer"),
        (" ".join(BURMESE), "burmese"),
        (" ".join(ARMENIAN), "armenian"),
        (" ".join(URDU), "urdu"),
    ],
)
def test_an_article_in_a_script_of_its_own_is_read_in_its_language(text, language):
    """The detector knows these languages well; sumy has no stemmer for them. The configured
    language (English) fits none of their letters: the article is read as written, under
    its own language's name (not stored as English), and briefed. Urdu shares Arabic's
    letters, not its words: Arabic's stemmer and stop words would fit it no better."""
    assert detect_language(text) == language
    article = Article("", text)
    assert article_texts(article)[2] == language
    briefing = summarize(article, SummaryOptions(sentences=1, max_chars=1000))
    assert len(briefing.sentences) == 1 and briefing.sentences[0] in text
    assert language_tools(language).stem("ไซเบอร์") == "ไซเบอร์"  # words as written


def test_a_thai_lede_is_briefed_before_an_english_sentence_quoted_in_the_article():
    """A Thai sentence ends with a space alone and its words are not told apart: neither
    its missing full stop nor its few terms (its runs of letters) make it a fragment, so
    the one English sentence of a Thai article, with its full stop and its words, neither
    is the only prose cleaning keeps nor takes the lede's place."""
    more = [
        "ผู้ว่าราชการจังหวัดเชียงใหม่สั่งการให้ทุกอำเภอเตรียมพร้อมรับมือสถานการณ์",
        "โรงเรียนหลายแห่งประกาศปิดการเรียนการสอนเป็นการชั่วคราว",
    ]
    quoted = "The governor said the city is ready for the storm."
    text = f"{THAI[0]} {THAI[1]}\n\n{quoted}\n\n{THAI[2]} {more[0]} {more[1]}"
    article = Article("", text)
    _, sentences, language = article_texts(article)
    assert language == "thai" and all(s in sentences for s in [*THAI, *more, quoted])
    assert summarize(article, SummaryOptions(sentences=1)).sentences == (THAI[0],)


def test_a_source_may_be_declared_in_such_a_language():
    assert declared_language("th") == declared_language("Thai") == "thai"
    assert declared_language("hi") == "hindi"


def test_a_thai_story_is_not_grouped_with_an_english_one_that_shares_a_name():
    """Grouping compares stories of one language: a Thai article read as English would be
    compared with English ones on the Latin words it holds."""
    thai = f"บริษัท Apple iPhone Samsung Galaxy {THAI[0]} {THAI[1]}"
    english = "Apple iPhone Samsung Galaxy. Apple and Samsung sell the iPhone and the Galaxy."
    found = article_texts(Article("Apple iPhone Samsung Galaxy", thai))[2]
    # Without the event evidence rule (the two share nothing but their headline's names,
    # which alone would keep them apart), only the language does.
    grouper = StoryGrouper(evidence=0.0)
    grouper.add(1, 1, fingerprint("Apple iPhone Samsung Galaxy", english, "english"))
    assert grouper.match(fingerprint("Apple iPhone Samsung Galaxy", thai, found)) is None
    assert grouper.match(fingerprint("Apple iPhone Samsung Galaxy", thai, "english")) == 1


PORT = (
    "मुंबई बंदरगाह पर साइबर हमला, काम रुका",
    "मुंबई के बंदरगाह पर साइबर हमले के बाद काम रुक गया। अधिकारियों ने कहा कि जांच जारी है। "
    "बंदरगाह के अधिकारियों ने बताया कि जहाजों की आवाजाही कल से फिर शुरू होगी।",
)
PORT_AGAIN = (
    "मुंबई बंदरगाह पर साइबर हमले की जांच शुरू",
    "मुंबई बंदरगाह पर हुए साइबर हमले की जांच पुलिस ने शुरू कर दी है। हमले के कारण कल पूरे दिन "
    "बंदरगाह पर काम रुका रहा। जहाजों की आवाजाही आज से फिर शुरू होगी।",
)
RAIN = (
    "दिल्ली में भारी बारिश से यातायात ठप",
    "दिल्ली में भारी बारिश के बाद कई सड़कों पर पानी भर गया। मौसम विभाग ने कहा कि अगले दो दिन तक "
    "बारिश जारी रहेगी। स्कूलों को बंद करने का फैसला किया गया है।",
)
FARMERS = (
    "सरकार ने किसानों के लिए नई योजना की घोषणा की",
    "सरकार ने आज किसानों के लिए नई योजना की घोषणा की। इस योजना से देश के करोड़ों किसानों को लाभ "
    "होगा। कृषि मंत्री ने कहा कि पैसा सीधे खातों में भेजा जाएगा।",
)


def test_hindi_stories_group_on_their_words_not_on_their_function_words():
    """Hindi has no stop words here: its one-letter words (के, ने, से, है, की) are dropped
    as English one-letter words are, so unrelated stories, which share them, score far
    below the threshold (with them: 0.24 of 0.275), and the same story still groups."""
    prints = [fingerprint(title, text, "hindi") for title, text in (PORT, RAIN, FARMERS)]
    assert not {"के", "ने", "से", "है", "की", "में"} & {term for term, _ in prints[0].terms}
    for one, other in ((0, 1), (0, 2), (1, 2)):
        assert similarity(prints[one], prints[other]) < SAME_STORY_THRESHOLD / 2
    grouper = StoryGrouper()
    for number, fp in enumerate(prints, start=1):
        assert grouper.match(fp) is None
        grouper.add(number, number, fp)
    assert grouper.match(fingerprint(*PORT_AGAIN, "hindi")) == 1


def test_an_outlets_name_with_one_more_word_is_taken_off_a_hindi_title():
    """An outlet's name and one word more ("... News") names the outlet, in Hindi too:
    counted in whole words, "समाचार" is one word more, not the pieces between its signs."""
    title = "मुंबई बंदरगाह पर साइबर हमला - नवभारत टाइम्स समाचार"
    assert strip_site(title, ["नवभारत टाइम्स"]) == "मुंबई बंदरगाह पर साइबर हमला"
    assert is_site_only("नवभारत टाइम्स समाचार", ["नवभारत टाइम्स"])


# A Bengali report (ukbdnews.com): its second sentence repeats "এ সময়" ("at this time")
# and "আহত হন" ("was injured") of later ones, function words Bengali has no stop-word list
# for, which makes it the most central sentence; the lede reads far less central.
BENGALI_REPORT = (
    "কুষ্টিয়া-১ (দৌলতপুর) আসনের সংসদ সদস্য (এমপি) অ্যাডভোকেট আ ক ম সারওয়ার জাহান বাদশার ফুপাতো ভাই "
    "হাসিনুর রহমানকে (৫০) কুপিয়ে হত্যা করা হয়েছে।এ সময় জব্বার নামে আরেকজন আহত হন।\n\n"
    "আজ শনিবার (২৯ আগস্ট) সকাল সাড়ে ৭টার দিকে দৌলতপুর উপজেলার ফিলিপনগর গ্রামে এ ঘটনা ঘটে।"
    "হামলাকারী মুজিবুর রহমান বয়াতিকে আটক করেছে পুলিশ।নিহতের স্বজনরা জানান,হাসিনুর রহমান সক্রিয় "
    "রাজনীতির সঙ্গে জড়িত ছিলেন।এমপির অবর্তমানে তার ব্যক্তিগত ও দলীয় কাজকর্ম হাসিনুর দেখভাল করতেন। "
    "শনিবার সকাল সাড়ে ৭টার দিকে জব্বার নামে একজনের মোটরসাইকেলে চড়ে নিজ বাড়ি থেকে তিনি স্থানীয় "
    "বাজারের দিকে যাচ্ছিলেন।এ সময় বাড়ির পাশেই একটি দোকানের কাছে আগে থেকে ওঁৎ পেতে থাকা মজিবর "
    "বয়াতি তার ওপর হামলা চালায়। হামলাকারী রামদা দিয়ে হাসিনুরের শরীরের বিভিন্ন স্থানে এলোপাতাড়ি "
    "কোপাতে থাকলে তিনি মোটরসাইকেল থেকে রাস্তায় লুটিয়ে পড়েন। পরে ঘটনাস্থলেই তার মৃত্যু নিশ্চিত করে "
    "হামলাকারী পালিয়ে যায়। এ সময় মোটরসাইকেলের চালক জব্বার আলীও আহত হন।দৌলতপুর থানার ওসি "
    "নিশিকান্ত জানান, ব্যক্তিগত শত্রুতার কারণে এ ঘটনা ঘটতে পারে। ঘটনার পরপরই হামলাকারী মজিবর "
    "বয়াতিকে পুলিশ হেফাজতে নেয়া হয়েছে। তাকে জিজ্ঞাসাবাদ করার পর প্রকৃত ঘটনা জানা যাবে।"
)


def test_a_short_briefing_in_a_language_without_stop_words_is_its_lede():
    """With no stop words, centrality measures shared function words: it is no evidence
    that the lede is off the subject, so a one-sentence briefing is the lede, through the
    pipeline and through sumy's interface alike."""
    from summaries.summarize.document import build_document
    from summaries.summarize.methods import shared_summarizer

    article = Article("", BENGALI_REPORT)
    assert article_texts(article)[2] == "bengali"
    lede = BENGALI_REPORT.split("।")[0] + "।"
    options = SummaryOptions(sentences=1, max_chars=1000)
    assert summarize(article, options).sentences == (lede,)
    document = build_document("", BENGALI_REPORT, OfflineTokenizer("bengali"))
    summarizer = shared_summarizer("default", language_tools("bengali"))
    assert tuple(map(str, summarizer(document, 1))) == (lede,)
