"""Clutter lines of news pages in other languages than English: links to other stories,
calls to subscribe, copyright formulas, credit and contact lines, an agency's end mark.
They leave the main text and the briefings; the article's sentences stay."""

from __future__ import annotations

import pytest

from summaries import Article, SummaryOptions, summarize
from summaries.clean import clean_text, main_text

# language: (the article's sentences, in order; the clutter lines between them)
PAGES: dict[str, tuple[list[str], list[str]]] = {
    "chinese": (
        [
            "市政府周二宣布，城市将在明年开通三条新的地铁线路，预计每天可以运送超过五十万名乘客。",
            "官员表示，新线路将连接机场和城市东部的几个新区，工程已经进行了两年多。",
            "一位交通专家说，这些线路将大大缓解市中心的交通压力，但票价问题仍需讨论。",
            "市民普遍欢迎这一消息，许多人表示通勤时间将会缩短一半以上。",
        ],
        [
            "延伸阅读：北京地铁票价调整方案公布",
            "相关阅读",
            "【相关新闻】机场快线今日试运行",
            "责任编辑：王明",
            "（完）",
            "分享到：微信 微博 QQ空间",
            "2026年12月1日 10:00",
            "本文版权所有，未经授权不得转载。",
        ],
    ),
    "korean": (
        [
            "정부는 내년부터 전국의 모든 초등학교에 무료 아침 급식을 제공하겠다고 13일 밝혔다.",
            "교육부 관계자는 이 사업에 약 3천억 원의 예산이 들 것으로 예상된다고 말했다.",
            "학부모 단체들은 이번 결정을 환영하면서도 급식의 질을 꼼꼼히 관리해 달라고 요청했다.",
            "일부 지방자치단체는 이미 비슷한 제도를 시범적으로 운영해 좋은 평가를 받았다.",
        ],
        [
            "김민수 기자 minsu.kim@example.kr",
            "ⓒ 한빛일보, 무단 전재 및 재배포 금지",
            "2026년 12월 1일 10:00",
            "저작권자 한빛일보, 무단전재 및 재배포를 금지합니다.",
            "관련기사",
            "(끝)",
        ],
    ),
    "japanese": (
        [
            "気象庁は十日、関東地方で例年より五日早く梅雨入りしたとみられると発表した。",
            "今年は平年に比べて雨の量が多くなる見込みで、土砂災害への注意を呼びかけている。",
            "東京都内では朝から雨が降り続き、通勤客が傘を差して駅へ急ぐ姿が見られた。",
            "農家の間では、田植えの時期に十分な雨が降ることを歓迎する声も上がっている。",
        ],
        [
            "関連記事",
            "あわせて読みたい",
            "【関連記事】九州で記録的な大雨、被害相次ぐ",
            "この記事の無断転載・複製を禁じます。",
            "この記事をシェアする",
            "2026年12月1日 10時00分",
        ],
    ),
    "french": (
        [
            "La mairie a annoncé mardi la fermeture du pont principal pendant six mois de travaux.",
            "Les autobus seront déviés par le quai nord et les horaires seront allongés de "
            "dix minutes.",
            "Les commerçants du centre craignent une baisse de leur chiffre d'affaires "
            "pendant l'été.",
            "Le chantier doit commencer le premier lundi de juin, selon la préfecture.",
        ],
        [
            "Lire aussi : Le prix des tickets de bus augmente de vingt centimes",
            "À lire aussi",
            "Partager cet article",
            "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité",
            "© Le Journal du Port. Tous droits réservés.",
        ],
    ),
    "german": (
        [
            "Die Stadtverwaltung hat am Dienstag die Sperrung der Hauptbrücke für sechs "
            "Monate angekündigt.",
            "Die Busse werden über das Nordufer umgeleitet, die Fahrzeiten verlängern sich "
            "um zehn Minuten.",
            "Die Händler in der Innenstadt befürchten im Sommer deutlich weniger Kundschaft.",
            "Die Bauarbeiten sollen nach Angaben der Behörde Anfang Juni beginnen.",
        ],
        [
            "Lesen Sie auch: Busfahrkarten werden um zwanzig Cent teurer",
            "Mehr zum Thema",
            "Artikel teilen",
            "Abonnieren Sie unseren kostenlosen Newsletter und verpassen Sie nichts mehr",
            "Alle Rechte vorbehalten.",
        ],
    ),
    "spanish": (
        [
            "El ayuntamiento anunció el martes el cierre del puente principal durante seis "
            "meses de obras.",
            "Los autobuses se desviarán por el muelle norte y los trayectos durarán diez "
            "minutos más.",
            "Los comerciantes del centro temen que sus ventas caigan durante todo el verano.",
            "Las obras comenzarán el primer lunes de junio, según la delegación del Gobierno.",
        ],
        [
            "Lee también: El precio del billete de autobús sube veinte céntimos",
            "Te puede interesar",
            "Suscríbete a nuestro boletín y recibe las noticias más importantes del día",
            "Todos los derechos reservados.",
        ],
    ),
    "portuguese": (
        [
            "A prefeitura anunciou na terça-feira o fechamento da ponte principal por seis "
            "meses de obras.",
            "Os ônibus serão desviados pelo cais norte e as viagens vão demorar dez minutos "
            "a mais.",
            "Os comerciantes do centro temem uma queda nas vendas durante todo o verão.",
            "As obras devem começar na primeira segunda-feira de junho, segundo a secretaria.",
        ],
        [
            "Leia também: Passagem de ônibus fica vinte centavos mais cara",
            "Leia mais",
            "Assine nossa newsletter e receba as principais notícias do dia",
            "Todos os direitos reservados.",
        ],
    ),
    "italian": (
        [
            "Il comune ha annunciato martedì la chiusura del ponte principale per sei mesi "
            "di lavori.",
            "Gli autobus saranno deviati lungo il molo nord e le corse dureranno dieci "
            "minuti in più.",
            "I commercianti del centro temono un forte calo delle vendite durante tutta l'estate.",
            "I lavori dovrebbero cominciare il primo lunedì di giugno, secondo la prefettura.",
        ],
        [
            "Leggi anche: Il biglietto dell'autobus aumenta di venti centesimi",
            "Potrebbe interessarti",
            "Iscriviti alla nostra newsletter per ricevere le notizie più importanti",
            "Riproduzione riservata.",
        ],
    ),
    "russian": (
        [
            "Мэрия во вторник объявила о закрытии главного моста на шесть месяцев ремонта.",
            "Автобусы пустят в объезд по северной набережной, и поездки станут на десять "
            "минут длиннее.",
            "Владельцы магазинов в центре опасаются, что летом покупателей станет заметно меньше.",
            "Работы должны начаться в первый понедельник июня, сообщили в администрации.",
        ],
        [
            "Читайте также: Проезд в автобусе подорожает на двадцать копеек",
            "Смотрите также",
            "Поделиться",
            "Подписывайтесь на наш канал, чтобы первыми узнавать главные новости.",
            "Все права защищены.",
        ],
    ),
    "arabic": (
        [
            "أعلنت البلدية يوم الثلاثاء إغلاق الجسر الرئيسي لمدة ستة أشهر من أعمال الصيانة.",
            "وستحول الحافلات إلى طريق الرصيف الشمالي وستطول الرحلات عشر دقائق إضافية.",
            "ويخشى أصحاب المتاجر في وسط المدينة تراجع مبيعاتهم خلال فصل الصيف كله.",
            "ومن المقرر أن تبدأ الأعمال في أول يوم اثنين من شهر يونيو بحسب المحافظة.",
        ],
        [
            "اقرأ أيضا: ارتفاع سعر تذكرة الحافلة عشرين قرشا",
            "شارك هذا المقال",
            "مواضيع ذات صلة",
            "اشترك في نشرتنا البريدية لتصلك أهم الأخبار يوميا",
            "جميع الحقوق محفوظة.",
        ],
    ),
}


def page(sentences: list[str], clutter: list[str]) -> str:
    """The sentences as paragraphs, the clutter lines between and after them."""
    lines: list[str] = []
    for i, sentence in enumerate(sentences):
        lines += [sentence, ""]
        lines += [clutter[j] for j in range(len(clutter)) if j % len(sentences) == i]
        lines.append("")
    return "\n".join(lines)


@pytest.mark.parametrize("language", sorted(PAGES))
def test_clutter_leaves_the_main_text_and_the_sentences(language: str) -> None:
    """No clutter line is in the main text or the sentences; every sentence is."""
    sentences, clutter = PAGES[language]
    raw = page(sentences, clutter)
    stored, body = main_text(raw), clean_text(raw, language=language)
    for line in clutter:
        assert line not in stored.splitlines(), line
        assert line not in body, line
    assert body.split("\n\n") == sentences
    assert [line for line in stored.splitlines() if line] == sentences


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_briefing_holds_no_clutter(language: str) -> None:
    """A briefing of as many sentences as there are is the article's sentences alone."""
    sentences, clutter = PAGES[language]
    article = Article("", page(sentences, clutter), language=language)
    briefing = summarize(article, SummaryOptions(sentences=7))
    assert list(briefing.sentences) == sentences


def test_an_agency_end_mark_after_the_last_sentence_leaves_it_whole() -> None:
    """ "（完）" glued to the last sentence goes; the sentence is kept as it ends."""
    sentences = PAGES["chinese"][0]
    raw = "\n\n".join([*sentences[:-1], sentences[-1] + "（完）"])
    assert clean_text(raw, language="chinese").split("\n\n") == sentences
    assert main_text(raw).split("\n\n") == sentences


@pytest.mark.parametrize(
    "line",
    [
        "Lire aussi les conclusions du rapport, publiées mardi par la Cour des comptes.",
        "Leia mais sobre o caso no relatório publicado pela prefeitura na terça-feira.",
        "El Gobierno quiere que el presidente firme el decreto y que los ciudadanos se suscriban.",
        "该平台的订阅用户在过去一年里增长了三成，公司表示将继续扩大内容投入。",
        "记者：这次会议对城市交通有什么意义？",
        "Die Zeitung berichtete, die Rechte an dem Film seien vorbehalten worden.",
        "Поделиться опытом в мэрию пришли водители всех автобусных парков города.",
        "Поделиться опытом приехали учителя из Казани",
        "Partager sur les réseaux sociaux, un réflexe des élus de la ville",
        "Partager cet article avec ses élèves, c'est ce qu'a fait l'enseignante mardi.",
        "会议定于2026年12月1日10时30分在市政府大楼举行。",
        "新しい路線は2026年12月1日に開業する予定だ。",
        "2026年12月1日に新路線が開業する予定",
    ],
)
def test_sentences_that_hold_a_clutter_word_stay(line: str) -> None:
    """A sentence that opens with a label's words but goes on, or holds a subscription
    verb or a credit label, is the article's own."""
    assert line in main_text(line)


@pytest.mark.parametrize(
    "dateline",
    ["(서울=연합뉴스) 김민수 기자 = ", "[서울=한빛통신]김민수 기자 = ", "(서울=연합뉴스) "],
)
def test_a_korean_agency_dateline_is_not_part_of_the_lede(dateline: str) -> None:
    """ "(place=outlet) reporter = " before the lede says who reported: the lede opens after it."""
    sentences = PAGES["korean"][0]
    raw = "\n\n".join([dateline + sentences[0], *sentences[1:]])
    assert clean_text(raw, language="korean").split("\n\n") == sentences


# Sentences of the article that hold a copyright formula, a button's words or an e-mail
# address: (language, sentence).
SENTENCES_WITH_CLUTTER_WORDS = [
    ("french", "Le tribunal a rappelé que les droits réservés aux auteurs ne s'éteignent pas."),
    ("german", "Der Verlag hat sich alle Rechte vorbehalten, sagte eine Sprecherin am Montag."),
    ("spanish", "La ley protege los derechos reservados a los pueblos indígenas."),
    ("portuguese", "A empresa alegou que todos os direitos reservados foram respeitados."),
    ("italian", "Il giudice ha stabilito che i diritti riservati agli azionisti erano violati."),
    ("russian", "Их права защищены Конституцией, заявил представитель министерства."),
    ("russian", "Министр подчеркнул, что все права защищены законом и никто не будет уволен."),
    ("russian", "Подписаться на рассылку можно было до пятницы, сообщили в пресс-службе."),
    ("arabic", "اشترك أكثر من ألف شخص في المظاهرة التي جابت شوارع العاصمة يوم الجمعة."),
    ("arabic", "قال المحامي إن جميع الحقوق محفوظة للعمال بموجب القانون الجديد."),
    ("chinese", "新规定明确，未经授权不得转载新闻单位的原创作品。"),
    ("chinese", "该公司声明对这些图片享有版权所有权，并已提起诉讼。"),
    ("japanese", "警察は、漫画を無断転載した疑いで男を逮捕した。"),
    ("japanese", "購読する世帯は年々減っており、新聞各社は対策を急いでいる。"),
    ("korean", "경찰은 기사를 무단전재한 혐의로 운영자를 입건했다."),
    ("korean", "구독 신청자가 하루 만에 100만 명을 넘었다고 회사 측은 밝혔다."),
    ("french", "Contactée par courriel à contact@mairie.example.fr, la mairie n'a pas répondu"),
    ("english", "Readers can reach the ombudsman at ombudsman@example.org with complaints"),
]


@pytest.mark.parametrize(("language", "line"), SENTENCES_WITH_CLUTTER_WORDS)
def test_a_sentence_about_copyright_subscribers_or_with_an_address_stays(
    language: str, line: str
) -> None:
    """A copyright formula inside a clause of a sentence ("... que les droits réservés
    ..."), a button's words opening a sentence, an e-mail address in a line's middle, and
    an Arabic verb that is also "subscribe!" are the article's own words."""
    assert line in main_text(line).splitlines()


@pytest.mark.parametrize(
    "line",
    [
        "© 2024 РИА Новости. Все права защищены.",
        "Copyright 2024 El Diario - Todos los derechos reservados",
        "本网站版权所有",
        "記事・写真の無断転載を禁じます",
        "Подписаться на канал",
        "▶ 구독하기",
        "minsu.kim@example.kr 김민수 기자",
        "(Jane Doe, <jane@example.com>)",
        "E-mail: info@example.it - Posta certificata",
        "- news@example.com",
    ],
)
def test_copyright_buttons_and_contacts_still_leave(line: str) -> None:
    """A copyright line, a button alone and a contact line are furniture."""
    assert main_text("\n\n".join([PAGES["russian"][0][0], line])).splitlines() == [
        PAGES["russian"][0][0]
    ]


@pytest.mark.parametrize("opening", ["(R=0.9) ", "(n=120) ", "[p=0.03] "])
def test_a_figure_in_brackets_opening_the_lede_stays(opening: str) -> None:
    """ "(R=0.9)" before the lede is a figure of the story, not "(place=outlet)"."""
    lede = "The correlation between the two measures was strong in every region studied."
    raw = "\n\n".join([opening + lede, "The finding held for men and women of all ages."])
    assert clean_text(raw).split("\n\n")[0] == opening + lede


@pytest.mark.parametrize(
    "line",
    [
        "Подписаться на рассылку можно до пятницы, сообщил «Вестник»…",
        "记者：“这次会议对城市交通有什么意义？”",
        "구독 신청은 다음 주 금요일까지 받는다고 회사 측이 밝혔다…",
    ],
)
def test_a_sentence_ending_in_an_ellipsis_or_a_quote_is_no_button_or_credit(line: str) -> None:
    """The clutter tables ask whether a line ends a sentence as the other cleaning rules
    do: an ellipsis, or a mark inside closing quotes, ends one too, so a sentence that opens
    with a button's label or a credit label and ends so is the article's own."""
    assert line in main_text(line).splitlines()


# A blog's "like" widget after a post, as the feed or the page gives it: (language, line).
LIKE_WIDGET_LINES = [
    ("german", "Gefällt mir"),
    ("german", "Gefällt mir Wird geladen …"),
    ("german", "%d Bloggern gefällt das:"),
    ("english", "12 bloggers like this."),
    ("english", "Like Loading..."),
    ("french", "J'aime chargement…"),
    ("french", "Un blogueur aime cette page :"),
    ("spanish", "Me gusta Cargando..."),
]
# Sentences of prose that hold the widget's words and go on: (language, line).
LIKE_WORDS_IN_PROSE = [
    ("german", "Die Leser gefällt das neue Design nicht."),
    ("english", "Twelve bloggers like this idea, the survey found."),
    ("french", "J'aime chargement des camions le matin, dit le docker en riant."),
]
_POST = {
    "german": "Am Samstag haben wir den Garten für den Winter vorbereitet und die Beete "
    "mit Laub bedeckt.",
    "english": "On Saturday we got the garden ready for winter and covered the beds with "
    "fallen leaves.",
    "french": "Samedi, nous avons préparé le jardin pour l'hiver et couvert les massifs "
    "de feuilles mortes.",
    "spanish": "El sábado preparamos el jardín para el invierno y cubrimos los parterres "
    "con hojas secas.",
}


@pytest.mark.parametrize(("language", "line"), LIKE_WIDGET_LINES)
def test_a_like_widget_leaves_the_main_text_and_the_sentences(language: str, line: str) -> None:
    """A "like" button's label, its loading word or the count of who liked the post,
    after the post's paragraph, is none of the post's text."""
    raw = "\n\n".join([_POST[language], line])
    assert main_text(raw).splitlines() == [_POST[language]]
    assert clean_text(raw, language=language) == _POST[language]


@pytest.mark.parametrize(("language", "line"), LIKE_WORDS_IN_PROSE)
def test_a_sentence_with_the_like_widgets_words_stays(language: str, line: str) -> None:
    """A sentence that holds the widget's words and goes on is the post's own."""
    raw = "\n\n".join([_POST[language], line])
    assert main_text(raw).splitlines() == [_POST[language], "", line]
    assert clean_text(raw, language=language).split("\n\n") == [_POST[language], line]


_STORY = (
    "The harbour authority said on Monday that the north quay will reopen in April.\n\n"
    "Ferries to the islands will move back from the temporary pier next month."
)


@pytest.mark.parametrize("line", ["Related", "RELATED", "Related:", "Related \u2026"])
def test_a_related_posts_heading_alone_leaves_the_main_text(line: str) -> None:
    """The heading a blog platform puts over links to other posts (often empty in a feed:
    a script fills it in) is no line of the article."""
    assert main_text(f"{_STORY}\n\n{line}") == _STORY


@pytest.mark.parametrize("line", ["#harbour #news #brennport", "#harbour"])
def test_a_posts_hashtags_on_their_own_line_leave_the_main_text(line: str) -> None:
    assert main_text(f"{_STORY}\n\n{line}") == _STORY


@pytest.mark.parametrize(
    "line",
    [
        "Related-party deals rose by a fifth, the report said.",
        "Related to the closure, two ferry routes will change.",
        "#1",
        "#MeToo marchers gathered at the quay.",
        "Mayor Quill on Twitter: @quill",  # someone else's account
        "Follow the hearing live: https://harbour.example/live",
        "Instagram: the app said it would limit messages to teenagers from next month.",
        "The list of related cases runs to four pages.",
    ],
)
def test_lines_that_open_like_a_heading_a_tag_or_an_account_stay(line: str) -> None:
    assert main_text(f"{_STORY}\n\n{line}") == f"{_STORY}\n\n{line}"


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Twitter: @harbourtv",
        "Twitter: @harbourtv",
        "Instagram: https://instagram.com/harbourtv",
        "Follow us on Instagram: https://instagram.com/harbourtv",
    ],
)
def test_a_line_naming_the_sites_account_leaves_the_main_text(line: str) -> None:
    assert main_text(f"{_STORY}\n\n{line}") == _STORY
