"""Scripts written without spaces between words, or with combining vowel signs: Thai, Lao,
Khmer, Burmese, Hindi, Bengali, Tamil. Their sentences are split, their words kept whole."""

from __future__ import annotations

import pytest

from summaries.sentences import split_sentences

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


@pytest.mark.parametrize("sentences", [THAI, LAO], ids=["thai", "lao"])
def test_thai_and_lao_sentences_end_at_a_space_between_their_letters(sentences):
    assert split_sentences(" ".join(sentences)) == sentences


def test_a_thai_name_or_number_set_apart_by_spaces_stays_in_its_sentence():
    """Thai writes a space around a surname, a figure or a Latin word too: those end no
    sentence."""
    named = (
        "นายกรัฐมนตรีเศรษฐา ทวีสิน กล่าวว่ารัฐบาลจะจัดสรรงบประมาณ 5,000 "
        "ล้านบาทเพื่อช่วยเหลือผู้ประสบภัยน้ำท่วม"
    )
    branded = "บริษัท Apple เปิดตัวโทรศัพท์รุ่นใหม่ในกรุงเทพมหานครเมื่อวันอังคาร"
    assert split_sentences(f"{named} {THAI[0]}") == [named, THAI[0]]
    assert split_sentences(branded) == [branded]


def test_khmer_sentences_end_at_the_khan():
    assert split_sentences(" ".join(KHMER)) == KHMER


def test_burmese_and_khmer_full_stops_end_a_sentence_with_no_space_after_them():
    assert split_sentences("".join(BURMESE)) == BURMESE
    assert split_sentences("".join(KHMER)) == KHMER
