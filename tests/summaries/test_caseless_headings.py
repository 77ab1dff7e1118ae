"""A heading above a story's first paragraph, in scripts with no capital to open a
sentence (Georgian, Arabic, Hebrew, Devanagari, Thai): the page gave them as two blocks
(an <h1>, then a <p>), and the heading ends with no full stop, so only letter case could
have told them apart, and these scripts give none. The heading stays a line of its own
and never opens the first sentence of the briefing. English is the guard: the same page
and a line going on in lowercase, which is still joined to the one before."""

import pytest

from summaries.clean._lines import join_wrapped
from summaries.reading import article_from_bytes
from summaries.summarize import article_texts

# language: (the <h1>, unlike the <title>; the story's paragraphs)
PAGES: dict[str, tuple[str, list[str]]] = {
    "georgian": (
        "ბათუმის პორტი დროებით დაიხურება",
        [
            "ბათუმის პორტი ივნისიდან ექვსი თვით დაიხურება, განაცხადა მერიამ ორშაბათს.",
            "ყოველდღიურად დაახლოებით ორმოცი ათასი მანქანა გადის ხიდზე, ამიტომ საცობები გაიზრდება.",
            "მერმა თქვა, რომ სხვა არჩევანი არ არსებობს და სამუშაოები დროულად დასრულდება.",
        ],
    ),
    "arabic": (
        "إغلاق جسر الميناء لستة أشهر",
        [
            "سيغلق جسر الميناء اعتبارا من يونيو لمدة ستة أشهر، بحسب ما أعلنت البلدية يوم الاثنين.",
            "يعبر الجسر نحو أربعين ألف مركبة يوميا، لذلك ستزداد الطوابير في وسط المدينة.",
            "وقال رئيس البلدية إنه لا يوجد خيار آخر وإن الأعمال ستنتهي في موعدها.",
        ],
    ),
    "hebrew": (
        "גשר הנמל ייסגר לשישה חודשים",
        [
            "גשר הנמל ייסגר מיוני למשך שישה חודשים, כך הודיעה העירייה ביום שני.",
            "כארבעים אלף כלי רכב חוצים את הגשר מדי יום, ולכן התורים בעיר יתארכו.",
            "ראש העיר אמר כי אין ברירה אחרת וכי העבודות יסתיימו בזמן.",
        ],
    ),
    "hindi": (
        "बंदरगाह पुल छह महीने के लिए बंद होगा",
        [
            "बंदरगाह पुल जून से छह महीने के लिए बंद रहेगा, नगर निगम ने सोमवार को कहा।",
            "हर दिन लगभग चालीस हजार वाहन पुल से गुजरते हैं, इसलिए शहर में जाम बढ़ेगा।",
            "महापौर ने कहा कि कोई दूसरा विकल्प नहीं है और काम समय पर पूरा होगा।",
        ],
    ),
    "thai": (
        "สะพานท่าเรือจะปิดหกเดือน",
        [
            "สะพานท่าเรือจะปิดตั้งแต่เดือนมิถุนายนเป็นเวลาหกเดือน เทศบาลแถลงเมื่อวันจันทร์",
            "รถประมาณสี่หมื่นคันข้ามสะพานทุกวัน ดังนั้นการจราจรในเมืองจะติดขัดมากขึ้น",
            "นายกเทศมนตรีกล่าวว่าไม่มีทางเลือกอื่นและงานจะเสร็จตามกำหนด",
        ],
    ),
    "english": (
        "Harbour bridge to close for six months",
        [
            "The harbour bridge will close from June for six months, the city said on Monday.",
            "About forty thousand vehicles cross the bridge each day, so queues will grow.",
            "The mayor said there was no other choice and the works would end on time.",
        ],
    ),
}


def _page(heading: str, title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<article><h1>{heading}</h1>{body}</article></body></html>"
    ).encode()


@pytest.mark.parametrize("language", sorted(PAGES))
@pytest.mark.parametrize("title", ["Harbour news - City Daily", "same as the heading"])
def test_the_heading_is_not_glued_to_the_first_sentence(language, title):
    heading, paragraphs = PAGES[language]
    raw = _page(heading, heading if title.startswith("same") else title, paragraphs)
    text, sentences, found = article_texts(article_from_bytes(raw, "page.html"))
    assert found == language
    assert f"{heading} {paragraphs[0][:12]}" not in text
    assert f"{heading} {paragraphs[0][:12]}" not in sentences
    first = sentences.split("\n\n")[0]
    assert first.startswith(paragraphs[0][:12]), first


@pytest.mark.parametrize("language", sorted(set(PAGES) - {"english"}))
def test_a_caseless_line_under_a_heading_is_a_line_of_its_own(language):
    heading, paragraphs = PAGES[language]
    lines, counts, _ = join_wrapped([heading, *paragraphs], language)
    assert lines == [heading, *paragraphs]
    assert counts == [1] * 4


def test_an_english_line_going_on_in_lowercase_is_still_joined():
    block = ["The harbour bridge will close from June", "for six months, the city said."]
    lines, counts, _ = join_wrapped(block, "english")
    assert lines == ["The harbour bridge will close from June for six months, the city said."]
    assert counts == [2]
