"""Articles in the layouts quotations take, in several languages: every briefing of them
reads alone, as bench/readability.py's judge sees it (no unbalanced quotation, no
dangling first sentence, no sentence ending in a colon, no quotation without the speaker
the article names)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from summaries import Article, SummaryOptions, summarize
from summaries.sentences import split_paragraphs, split_sentences
from summaries.summarize import article_texts
from summaries.summarize.attribution import names_speaker_before
from tests.summaries.test_readable import POOL_QUOTATION, POOL_TITLE


def _article(title: str, paragraphs: list[str], lines: bool = False) -> Article:
    """An article of ``paragraphs``, blank lines between them (or, with ``lines``, one
    per line: a page of statements, a speaker's line before each)."""
    return Article(title, ("\n" if lines else "\n\n").join(paragraphs))


ARTICLES: dict[str, Article] = {
    "speaker_line_en": _article(
        "Harbour council approves ferry subsidy",
        [
            "The harbour council of Westmoor approved on Thursday a subsidy that keeps the "
            "island ferry running for another five years.",
            "Councillors were divided over the cost, which will reach 3 million pounds a year "
            "by 2030.",
            "Anna Kerr, leader of the council:",
            '"Without this ferry the island empties. Families leave, the school closes, the '
            'shop closes. We could not let that happen."',
            "Peter Doyle, leader of the opposition:",
            '"Nobody wants the island to empty. But the council has no plan to make the ferry '
            'pay for itself, and taxpayers on the mainland will carry the bill."',
            "The ferry carries about 400 passengers a day in summer and fewer than 100 in winter.",
        ],
        lines=True,
    ),
    "speaker_after_en": _article(
        "Library to open on Sundays",
        [
            "The central library in Ashby will open on Sundays from next month, the city "
            "announced on Wednesday.",
            '"Students have asked for this for years. Sunday is the day they study most," '
            "said Helen Marsh, the head librarian.",
            "The library will open from 11 a.m. to 5 p.m., with a smaller staff than on weekdays.",
            '"It costs us very little, and it gives a quiet place to people who have none at '
            'home," she said.',
            "The city will review the trial after six months.",
        ],
    ),
    "speaker_after_multi_en": _article(
        "Drought forces water limits in the valley",
        [
            "Water use in the Orlen valley will be limited from Monday after the driest "
            "spring on record, the regional water board said.",
            '"The reservoirs are at a third of what they should be. We have never seen them '
            "this low in May.",
            "We are asking every household to cut its use by a fifth. Gardens and car washes "
            "come first,\" said Tomas Berg, the board's director.",
            "Farmers will be allowed to water crops at night only.",
            "The board said the limits would stay until the reservoirs were at least half full.",
        ],
    ),
    "across_three_en": _article(
        "Museum returns bronze statues",
        [
            "The National Museum in Calder will return four bronze statues to the city they "
            "were taken from a century ago, its director said on Friday.",
            'Director Ruth Okafor said the decision had taken two years of research: "We '
            "traced every sale and every shipment. The records left no doubt about where they "
            "came from.",
            '"The statues were taken during the occupation. They were never sold by anyone '
            "who had the right to sell them.",
            '"We are proud to send them home. A museum keeps things; it should not keep what '
            'is not its own."',
            "The statues will leave Calder in the autumn and go on show in their home city "
            "next year.",
            "Two other museums are reviewing similar objects in their collections.",
        ],
    ),
    "nested_en": _article(
        "Minister defends rail timetable",
        [
            "The transport minister defended on Tuesday a new rail timetable that cuts the "
            "number of trains between the two largest cities.",
            "Minister Clara Hughes told parliament: \"My predecessor promised 'a train every "
            "ten minutes'. That promise was never funded, and I will not repeat it.\"",
            "Opposition members said the cuts would push commuters back into their cars.",
            "\"When the minister says 'never funded', she means her own party voted against "
            "the money,\" said Daniel Price, the opposition's transport spokesman.",
            "The new timetable starts in December.",
        ],
    ),
    "curly_en": _article(
        "Bakery chain recalls bread after metal found",
        [
            "A bakery chain recalled thousands of loaves on Saturday after a customer found a "
            "piece of metal in a sandwich loaf.",
            "“We take this very seriously. Every loaf baked that day is being taken off the "
            "shelves,” said Marco Ruiz, the chain’s quality manager.",
            "It is the second recall by the chain this year.",
            "Customers who bought the bread can return it to any shop for a full refund.",
            "The food safety agency said it was investigating.",
        ],
    ),
    "single_quotes_en": _article(
        "Council names new poet laureate",
        [
            "The city council named Amira Shah its new poet laureate on Monday, the first "
            "woman to hold the post.",
            "‘I write about the streets I grew up in. Now I get to write about the whole "
            "city,’ she said after the ceremony.",
            "Ms Shah, 34, has published three collections of poems.",
            "‘She writes the way people here talk,’ said the council leader, Owen Marks.",
            "The post comes with a stipend of 5,000 pounds a year.",
        ],
    ),
    "pronoun_open_en": _article(
        "Cyclist wins mountain stage",
        [
            "Lena Moreau won the queen stage of the Tour of the Alps on Sunday after "
            "attacking on the final climb.",
            "She crossed the line 40 seconds ahead of the race leader.",
            "It was her first stage win in a major race.",
            "However, the race leader kept the yellow jersey by 12 seconds.",
            "They will meet again on Monday's time trial, which is expected to decide the race.",
            "Also in contention is the defending champion, who finished third.",
        ],
    ),
    "colon_en": _article(
        "Storm closes schools across the north",
        [
            "Schools across the north closed on Thursday as a storm brought winds of up to "
            "140 kilometres an hour.",
            "The weather service listed the regions under its highest warning:",
            "Highland, Moray, Orkney and the Western Isles.",
            "More than 30,000 homes were without power on Thursday evening.",
            "The warning will be lifted on Friday morning, the service said.",
        ],
    ),
    "de_speaker_before": _article(
        "Stadt baut neue Radwege",
        [
            "Die Stadt Lindau baut in den kommenden drei Jahren 40 Kilometer neue Radwege, "
            "wie der Stadtrat am Dienstag beschloss.",
            "Oberbürgermeisterin Karin Vogt sagte nach der Sitzung: „Wer mit dem Rad zur "
            "Arbeit fährt, soll sich sicher fühlen. Das ist heute nicht überall so.“",
            "Die Kosten liegen bei rund 25 Millionen Euro, die Hälfte zahlt das Land.",
            "„Wir verlieren dadurch Parkplätze in der Innenstadt“, kritisierte der "
            "Einzelhandelsverband. „Das wird unsere Kunden vertreiben.“",
            "Der Bau soll im Frühjahr beginnen.",
        ],
    ),
    "de_speaker_after_multi": _article(
        "Hochwasser in Passau",
        [
            "In Passau ist die Donau am Sonntag über die Ufer getreten, die Altstadt steht "
            "teilweise unter Wasser.",
            "„Das Wasser steigt weiter. Wir rechnen mit einem Höchststand am Montagabend.",
            "Alle Anwohner der Uferstraßen sollen ihre Keller räumen“, sagte Feuerwehrchef "
            "Markus Huber.",
            "Er sagte, die Helfer seien seit Samstag im Einsatz.",
            "Die Bahnstrecke nach Wien ist gesperrt.",
        ],
    ),
    "de_guillemets": _article(
        "Neue Brücke über den Rhein",
        [
            "Die neue Rheinbrücke bei Wesel wird am Freitag für den Verkehr freigegeben, "
            "teilte das Verkehrsministerium mit.",
            "»Die Brücke verkürzt den Weg für Pendler um bis zu zwanzig Minuten«, sagte "
            "Staatssekretär Paul Winter.",
            "Sie hat rund 180 Millionen Euro gekostet.",
            "»Wir haben den Zeitplan eingehalten. Das gelingt bei solchen Bauten selten«, "
            "sagte er.",
            "Die alte Brücke wird im nächsten Jahr abgerissen.",
        ],
    ),
    "fr_guillemets": _article(
        "Grève dans les transports parisiens",
        [
            "Une grève a fortement perturbé les transports à Paris mardi, avec seulement un "
            "métro sur trois sur la plupart des lignes.",
            "« Nous demandons des salaires qui suivent les prix. Les agents n’en peuvent plus "
            "», a déclaré Sophie Martin, secrétaire du syndicat.",
            "La direction de la régie a dénoncé un mouvement « injustifié ».",
            "« La négociation est ouverte depuis des semaines. Le syndicat a choisi de la "
            "quitter », a affirmé son porte-parole, Julien Roux.",
            "Il a ajouté que le trafic devrait revenir à la normale jeudi.",
            "Une nouvelle réunion est prévue vendredi.",
        ],
    ),
    "fr_speaker_line": _article(
        "Le maire de Lyon présente son budget",
        [
            "Le maire de Lyon a présenté lundi un budget en hausse de 4 % pour l’année prochaine.",
            "Le maire, Paul Girard, a expliqué ses choix devant le conseil municipal :",
            "« Nous investissons dans les écoles et les transports. Ce sont les deux "
            "priorités des Lyonnais. »",
            "L’opposition a voté contre le budget.",
            "« Ce budget augmente la dette de la ville sans aucun plan pour la réduire », a "
            "dit sa cheffe, Claire Dubois.",
        ],
    ),
    "es_guillemets": _article(
        "El Gobierno aprueba la reforma de las pensiones",
        [
            "El Gobierno aprobó el martes una reforma de las pensiones que eleva las "
            "cotizaciones de los salarios más altos.",
            "«Es una reforma justa. Garantiza las pensiones de los jóvenes sin recortar las "
            "de los mayores», dijo la ministra de Trabajo, Elena Ruiz.",
            "Los empresarios criticaron la subida de las cotizaciones.",
            "«Encarecer el empleo en plena desaceleración es un error», afirmó el presidente "
            "de la patronal, Jorge Sanz.",
            "La reforma debe pasar ahora por el Congreso.",
        ],
    ),
    "es_dashes": _article(
        "Un pescador rescata a dos bañistas",
        [
            "Un pescador de Cádiz rescató el domingo a dos bañistas que habían sido "
            "arrastrados por la corriente.",
            "—Los vi desde la barca y no lo pensé —contó Antonio Pérez, de 58 años—. El mar "
            "estaba muy revuelto.",
            "Los dos jóvenes fueron trasladados al hospital con síntomas de hipotermia.",
            "—Le debemos la vida —dijo uno de ellos a la prensa local.",
            "El Ayuntamiento ha propuesto concederle una medalla.",
        ],
    ),
    "ja_brackets": _article(
        "新しい橋が開通",
        [
            "北海道の川にかかる新しい橋が日曜日に開通した。",
            "市長の田中一郎氏は式典で「この橋で通勤時間が半分になる。市民の長年の願い"
            "がかなった」と述べた。",
            "橋の建設には約50億円がかかった。",
            "「毎日渡るのが楽しみです」と地元の女性は話した。",
            "旧橋は来年取り壊される予定だ。",
        ],
    ),
    "ja_speaker_after_multi": _article(
        "大雪で列車が運休",
        [
            "東北地方で月曜日、大雪のため多くの列車が運休した。",
            "「線路の除雪が追いつかない。運転再開は火曜日の午後になる見込みだ」とJR"
            "の広報担当者は述べた。",
            "彼は、乗客に旅行を控えるよう呼びかけた。",
            "気象庁は火曜日まで大雪が続くと予想している。",
        ],
    ),
    "it_guillemets": _article(
        "Roma, nuova linea del tram",
        [
            "Il Comune di Roma ha inaugurato sabato una nuova linea del tram che collega la "
            "stazione Termini al quartiere di Tor Vergata.",
            "«È la prima linea nuova da vent'anni. I romani la aspettavano da tempo», ha "
            "detto il sindaco, Marco Bellini.",
            "La linea è lunga 12 chilometri e ha 22 fermate.",
            "Tuttavia i lavori sono costati il doppio del previsto.",
            "«Il ritardo è stato causato dai ritrovamenti archeologici», ha spiegato "
            "l'assessore ai trasporti, Giulia Conti.",
        ],
    ),
    "pt_guillemets": _article(
        "Lisboa limita alojamento local",
        [
            "A Câmara de Lisboa aprovou na quinta-feira novas regras que limitam o alojamento "
            "local no centro histórico.",
            "«Os moradores estão a ser expulsos dos seus bairros. Temos de proteger quem vive "
            "na cidade», disse a vereadora da habitação, Ana Ferreira.",
            "Os proprietários contestam a medida.",
            "«Estas regras vão destruir milhares de empregos no turismo», afirmou o "
            "presidente da associação do setor, Rui Santos.",
            "As novas regras entram em vigor em janeiro.",
        ],
    ),
    "pt_br_curly": _article(
        "Chuvas causam estragos em Minas Gerais",
        [
            "As chuvas fortes que atingiram Minas Gerais no fim de semana deixaram mais de 2 "
            "mil desabrigados.",
            "“Nunca choveu tanto em tão pouco tempo. As equipes estão trabalhando dia e "
            "noite”, disse o governador, Carlos Almeida.",
            "Ele afirmou que o estado vai pedir ajuda ao governo federal.",
            "A Defesa Civil mantém alerta para novas chuvas até quarta-feira.",
        ],
    ),
    "mid_speaker_en": _article(
        "Coach says team is ready for final",
        [
            "The national football team is ready for Sunday's cup final, coach Maria Lopez "
            "said on Friday.",
            '"The team is ready for the final," Lopez said. "The players have trained for '
            'this final for months, and the team believes it can win the cup."',
            "The team last won the cup in 1998.",
            "She said two injured players would be fit for the final.",
            "Tickets for the final sold out in an hour.",
        ],
    ),
    "ja_speaker_line": _article(
        "市長が予算案を発表",
        [
            "横浜市の市長は月曜日、来年度の予算案を発表した。",
            "山田花子市長：",
            "「子育て支援の予算を倍にする。市民の声に応えた予算案だ」",
            "予算案の総額は約2兆円で、過去最大となる。",
            "市議会は3月に予算案を審議する。",
        ],
        lines=True,
    ),
    "de_speaker_line_multi": _article(
        "Autobauer streicht Stellen",
        [
            "Der Autobauer Kessler streicht bis 2027 rund 4.000 Stellen in Deutschland, wie "
            "das Unternehmen am Montag mitteilte.",
            "Vorstandschef Thomas Kessler erklärte dazu:",
            "„Der Stellenabbau bei Kessler ist schmerzhaft. Aber ohne den Stellenabbau "
            "verlieren wir den Anschluss an die Konkurrenz aus China.",
            "„Wir werden den Stellenabbau sozialverträglich gestalten. Betriebsbedingte "
            "Kündigungen schließen wir aus.“",
            "Die Gewerkschaft kündigte Widerstand gegen den Stellenabbau an.",
            "Sie will am Donnerstag zu Warnstreiks aufrufen.",
        ],
    ),
    "fr_multi_para": _article(
        "Le Tour de France passera par Lille",
        [
            "Le Tour de France partira de Lille l’an prochain, ont annoncé jeudi les "
            "organisateurs du Tour.",
            "Le directeur du Tour de France, Jean Lambert, a salué la ville : « Lille attend "
            "le Tour de France depuis trente ans. La ville a tout fait pour accueillir le "
            "départ.",
            "« Le Tour de France passera aussi par les Flandres belges. Les coureurs "
            "découvriront des pavés redoutables. »",
            "La ville a payé quatre millions d’euros pour accueillir le départ du Tour.",
            "Elle espère attirer un million de spectateurs.",
        ],
    ),
    "quote_first_en": _article(
        "Hospital opens new cancer ward",
        [
            '"This cancer ward will save lives," said Dr Amal Haddad as the hospital opened '
            "its new cancer ward on Monday.",
            "The cancer ward has 40 beds and two new radiotherapy machines.",
            '"Patients used to travel three hours for treatment. Now the cancer ward is '
            'twenty minutes away for most of them."',
            "The ward cost 60 million pounds.",
        ],
    ),
    "question_quote_en": _article(
        "Residents fight plan for airport runway",
        [
            "Residents of Elmfield voted on Saturday to fight a plan for a third runway at "
            "the city's airport.",
            '"Who will pay for the noise? Who will pay when our houses lose half their '
            "value?\" asked Joan Pryce, who chairs the residents' group.",
            "The airport says the runway plan would create 5,000 jobs.",
            '"The runway plan is good for the whole region," the airport\'s chief executive, '
            "Victor Hale, said.",
            "A public inquiry into the runway plan opens in March.",
        ],
    ),
    "es_dash_speaker_mid": _article(
        "La alcaldesa celebra la reapertura del puente",
        [
            "El puente de Toledo reabrió el lunes tras dos años de obras, con la presencia de "
            "la alcaldesa.",
            "—La reapertura del puente es una gran noticia para la ciudad —dijo la alcaldesa, "
            "Rosa Gil—. Los vecinos del puente han esperado dos años para cruzar el puente "
            "otra vez.",
            "Las obras del puente costaron 8 millones de euros.",
            "—El puente es más seguro que nunca. Soportará el tráfico de camiones durante "
            "cien años.",
            "El tráfico de camiones seguirá prohibido hasta el verano.",
        ],
    ),
    "apostrophes_single": _article(
        "Club keeps stadium after fans' campaign",
        [
            "City Rovers will stay at their old stadium after a two-year campaign by the "
            "club's fans, the club's owners said on Monday.",
            "‘We’re staying at the stadium. The fans’ campaign changed our minds about the "
            "stadium,’ said the owner, Ian Blake.",
            "The owners had planned to sell the stadium to a housing developer.",
            "‘It’s the fans’ stadium now,’ said Kate Moss, who led the campaign.",
            "The club will spend 10 million pounds on repairs to the stadium.",
        ],
    ),
    "ja_nested": _article(
        "作家が文学賞を受賞",
        [
            "作家の佐藤美咲さんが水曜日、文学賞を受賞した。",
            "佐藤さんは受賞会見で「母がいつも『書き続けなさい』と言ってくれた。その言"
            "葉のおかげで文学賞を受賞できた」と語った。",
            "受賞作は東京の下町を舞台にした長編小説だ。",
            "授賞式は来月東京で開かれる。",
        ],
    ),
    "zh_quotes": _article(
        "新地铁线开通",
        [
            "上海一条新的地铁线路星期六正式开通运营。",
            "上海地铁公司总经理王强说：“这条地铁线路将大大缩短市民的通勤时间。我们希"
            "望地铁线路能缓解交通拥堵。”",
            "这条地铁线路全长35公里，设有20个车站。",
            "他说，明年还将有两条地铁线路开通。",
        ],
    ),
    "colon_list": _article(
        "City bans cars from old town",
        [
            "The city of Brugge will ban cars from its old town from June, the city council "
            "decided on Tuesday.",
            "The ban has three exceptions:",
            "- residents' cars,",
            "- delivery vans before 10 a.m.,",
            "- taxis and ambulances.",
            "Shopkeepers said the ban on cars would cost them customers.",
            "The council said the old town would be cleaner and quieter.",
        ],
        lines=True,
    ),
    "en_multi_para_speaker_last": _article(
        "Mine rescue ends after four days",
        [
            "Rescuers brought the last of twelve trapped miners to the surface on Thursday, "
            "ending a four-day rescue at the Carn mine.",
            '"We did not sleep for four days. Every hour we drilled, we thought of the '
            "families waiting at the gate.",
            '"When the last miner came up, the whole team cried," said Owen Rhys, who led the '
            "rescue team.",
            "All twelve miners were taken to hospital, where doctors said they were in good "
            "health.",
            "The mine's owners said an inquiry would look into the cause of the collapse.",
        ],
    ),
    "de_multi_para_open": _article(  # the quotation of test_readable.py, after a lede
        POOL_TITLE,
        [
            "Der Bürgermeister von Ahlen hat die Schließung des Schwimmbads verteidigt.",
            *POOL_QUOTATION,
        ],
    ),
    "it_speaker_line": _article(
        "Sciopero dei treni venerdì",
        [
            "I sindacati hanno proclamato uno sciopero dei treni di 24 ore per venerdì.",
            "Il segretario del sindacato, Luca Ferri, ha spiegato:",
            "«Lo sciopero dei treni è l'unica strada. Da due anni chiediamo più personale sui "
            "treni e nessuno ci ascolta.»",
            "Trenitalia garantirà i treni regionali nelle fasce dei pendolari.",
            "Lo sciopero dei treni inizierà alle 21 di giovedì.",
        ],
    ),
    "pt_dash_dialogue": _article(
        "Pescadores protestam em Peniche",
        [
            "Centenas de pescadores protestaram na sexta-feira em Peniche contra as novas "
            "quotas de pesca.",
            "— As quotas de pesca vão acabar com a pesca artesanal — disse o presidente da "
            "associação, João Matos. — Os pescadores não aguentam mais um corte nas quotas.",
            "O Governo diz que as quotas de pesca protegem a sardinha.",
            "A ministra do Mar recebe os pescadores na próxima semana.",
        ],
    ),
    "sv_dash": _article(
        "Regeringen sänker dieselskatten",
        [
            "Regeringen sänker skatten på diesel från januari, meddelade finansministern på "
            "tisdagen.",
            "– Det är en nödvändig sänkning av dieselskatten för landsbygden, säger "
            "finansminister Eva Lind. – Bönderna och åkerierna har haft det svårt länge med "
            "dieselpriset.",
            "Oppositionen kritiserar sänkningen av dieselskatten.",
            "– Det här gynnar inte klimatet, säger Per Holm, Miljöpartiet.",
            "Sänkningen kostar staten fyra miljarder kronor per år.",
        ],
    ),
    "sv_dash_named_next": _article(
        "Fritidsgårdar läggs ned i Kiruna",
        [
            "Kommunen i Kiruna lägger ned två av sina fyra fritidsgårdar från januari, "
            "beslutade kommunfullmäktige på måndagen.",
            "Beslutet väcker protester bland föräldrarna i stadsdelen Lombolo, där "
            "fritidsgården har funnits sedan 1978.",
            "– Vi ska inte ge upp. Barnen behöver en fritidsgård att gå till efter skolan, och "
            "nu tar kommunen fritidsgården ifrån dem.",
            "Det säger Anna Nilsson, ordförande i föräldraföreningen i Lombolo.",
            "Kommunen räknar med att spara fyra miljoner kronor per år på att lägga ned "
            "fritidsgårdarna.",
            "– Vi har inget annat val när statsbidragen minskar, säger kommunalrådet Erik Berg.",
        ],
    ),
    "sv_quotes_named_next": _article(
        "Ikea ger de anställda fem procent mer i lön",
        [
            "Ikea höjer lönerna för sina anställda i Sverige med fem procent från april, "
            "meddelade företaget på onsdagen.",
            "Beskedet kommer efter månader av förhandlingar med fackförbundet Handels.",
            "”Lönerna på Ikea ska följa med priserna. Våra anställda på Ikea ska inte betala "
            "för inflationen med lägre löner.”",
            "Det säger Ikeas personalchef Maria Lund.",
            "Handels välkomnar lönehöjningen men vill se fler heltidstjänster.",
            "– Lönehöjningen är bra, men många på Ikea jobbar deltid mot sin vilja, säger "
            "Handels ordförande Linda Palmetzhofer.",
        ],
    ),
    "da_dash_named_next": _article(
        "Pensionsalderen skal stige til 70 år",
        [
            "Regeringen vil hæve pensionsalderen til 70 år i 2040, oplyste "
            "beskæftigelsesministeren mandag.",
            "Forslaget møder skarp kritik fra fagbevægelsen.",
            "– Det er urimeligt at hæve pensionsalderen for dem, der har slidt hårdt hele "
            "livet. Pensionsalderen kan ikke blive ved med at stige.",
            "Det siger formand for Fagbevægelsens Hovedorganisation Morten Skov Christiansen.",
            "Regeringen forventer at spare otte milliarder kroner om året på den højere "
            "pensionsalder.",
        ],
    ),
    "no_dash_named_next": _article(
        "Ny jernbane mellom Oslo og Stockholm",
        [
            "Regjeringen vil bygge ny jernbane mellom Oslo og Stockholm, opplyste "
            "samferdselsministeren tirsdag.",
            "Prosjektet skal etter planen stå ferdig i 2035.",
            "– Jernbanen mellom Oslo og Stockholm er viktig for næringslivet. Med ny jernbane "
            "tar reisen mellom Oslo og Stockholm under tre timer.",
            "Det sier samferdselsminister Jon-Ivar Nygård til NTB.",
            "Kostnaden for den nye jernbanen er anslått til 40 milliarder kroner.",
        ],
    ),
    "fi_dash_named_next": _article(
        "Helsinki sulkee kaksi uimahallia",
        [
            "Helsingin kaupunki sulkee kaksi uimahallia ensi vuoden alusta, "
            "kaupunginvaltuusto päätti maanantaina.",
            "Päätös on herättänyt vastustusta uimaseuroissa.",
            "– Uimahallin sulkeminen on virhe. Uimahalli on ainoa paikka, jossa lapset "
            "oppivat uimaan talvella.",
            "Näin sanoo helsinkiläisen uimaseuran puheenjohtaja Liisa Virtanen.",
            "Kaupunki säästää uimahallien sulkemisella kolme miljoonaa euroa vuodessa.",
        ],
    ),
    "de_named_next": _article(
        "Stadt schließt Hallenbad",
        [
            "Die Stadt Ahlen schließt ihr Hallenbad zum Jahresende, wie der Stadtrat am Montag "
            "beschloss.",
            "Ein Bürgerverein sammelt seitdem Unterschriften gegen die Schließung.",
            "„Das Hallenbad ist fünfzig Jahre alt. Eine Sanierung des Hallenbads würde zwölf "
            "Millionen Euro kosten.“",
            "Das sagte Bürgermeister Jens Otte am Dienstag.",
            "Die Stadt prüft nun einen Neubau des Hallenbads.",
        ],
    ),
    "es_named_next": _article(
        "El puerto de Valencia cierra por obras",
        [
            "El Ayuntamiento de Valencia cerrará el puerto deportivo durante seis meses por "
            "obras, anunció el lunes el consistorio.",
            "Los comerciantes del paseo marítimo temen perder a sus clientes durante el verano.",
            "«El puerto necesita estas obras desde hace veinte años. Las obras del puerto no "
            "pueden esperar más.»",
            "Así lo ha asegurado este martes la alcaldesa de Valencia, María José Catalá.",
            "Las obras del puerto costarán doce millones de euros.",
        ],
    ),
    "fr_named_next": _article(
        "Le ministre annonce des renforts à Marseille",
        [
            "Le gouvernement va envoyer 500 policiers supplémentaires à Marseille d’ici la fin "
            "de l’année.",
            "La ville a connu une série de règlements de comptes liés au trafic de drogue.",
            "« Nous ne laisserons pas les trafiquants faire la loi à Marseille. L’État sera "
            "présent dans chaque quartier de Marseille. »",
            "C’est ce qu’a déclaré mardi le ministre de l’Intérieur, Gérald Darmanin.",
            "Les élus locaux réclament aussi plus de moyens pour la justice.",
        ],
    ),
    "it_named_next": _article(
        "Milano, nuova linea del metrò",
        [
            "Il Comune di Milano ha inaugurato sabato la nuova linea 4 della metropolitana.",
            "La linea collega l'aeroporto di Linate al centro della città in dodici minuti.",
            "«La linea 4 cambia la vita di chi vive in periferia. La metropolitana arriva "
            "finalmente dove serviva.»",
            "Lo ha detto il sindaco di Milano, Giuseppe Sala, durante l'inaugurazione.",
            "I lavori della linea sono durati dieci anni.",
        ],
    ),
    "pt_named_next": _article(
        "Lisboa aprova regras para o alojamento local",
        [
            "A Câmara de Lisboa aprovou na quinta-feira novas regras que limitam o alojamento "
            "local no centro histórico.",
            "Os proprietários contestam a medida.",
            "«Os moradores estão a ser expulsos dos seus bairros. Temos de proteger quem vive "
            "na cidade.»",
            "Foi o que disse a vereadora da habitação, Ana Ferreira.",
            "As novas regras entram em vigor em janeiro.",
        ],
    ),
    "es_goes_on": _article(
        "La ministra defiende la reforma de las pensiones",
        [
            "La ministra de Trabajo defendió el martes en el Congreso la reforma de las "
            "pensiones aprobada por el Gobierno.",
            "«Es una reforma justa. Garantiza las pensiones de los jóvenes sin recortar las de "
            "los mayores.",
            "»Los jóvenes no pagarán más por la reforma de las pensiones», dijo la ministra, "
            "Elena Ruiz.",
            "Los empresarios criticaron la subida de las cotizaciones.",
            "La reforma de las pensiones debe pasar ahora por el Senado.",
        ],
    ),
    "fr_selon_lui": _article(
        "Budget de Lyon : priorité aux écoles",
        [
            "Le maire de Lyon, Paul Girard, a présenté lundi au conseil municipal le budget de "
            "la ville pour l’année prochaine.",
            "Selon lui, le budget des écoles de Lyon doit augmenter de 12 % pour rénover les "
            "écoles et ouvrir des écoles dans les quartiers neufs de Lyon.",
            "L’opposition a dénoncé une hausse de la dette de la ville.",
            "Le conseil municipal votera le budget le 15 décembre.",
        ],
    ),
    "es_segun_ella": _article(
        "La alcaldesa presenta el presupuesto de Sevilla",
        [
            "La alcaldesa de Sevilla, Carmen Ortiz, presentó el lunes el presupuesto municipal "
            "para el próximo año.",
            "Según ella, el presupuesto de Sevilla para los colegios debe crecer un 12 % para "
            "reformar los colegios y abrir colegios en los barrios nuevos de Sevilla.",
            "La oposición criticó el aumento de la deuda municipal.",
            "El pleno votará el presupuesto el 15 de diciembre.",
        ],
    ),
    "pl_quotes_dash": _article(
        "Warszawa zamyka most Poniatowskiego",
        [
            "Most Poniatowskiego w Warszawie zostanie zamknięty na rok z powodu remontu, "
            "poinformował w poniedziałek ratusz.",
            "„Remont mostu jest konieczny. Konstrukcja mostu jest w złym stanie” – powiedział "
            "rzecznik ratusza Jan Nowak.",
            "Autobusy pojadą objazdem przez most Łazienkowski.",
            "„Kierowcy muszą się liczyć z korkami” – dodał.",
            "Remont mostu będzie kosztował 200 milionów złotych.",
        ],
    ),
    "ru_dialogue": _article(
        "В Москве открыли новую станцию метро",
        [
            "В Москве в субботу открыли новую станцию метро на юго-западе города.",
            "— Новая станция метро сократит дорогу до центра на двадцать минут, — сказал мэр "
            "города Иван Петров. — Жители района ждали станцию метро десять лет.",
            "Строительство станции метро обошлось в пять миллиардов рублей.",
            "«Мы очень рады, что станция метро наконец открылась», — сказала местная жительница.",
            "До конца года в Москве откроют ещё две станции метро.",
        ],
    ),
}


@pytest.mark.parametrize("name", list(ARTICLES))
def test_every_short_briefing_of_a_quoted_article_reads_alone(readability_bench, name):
    article = ARTICLES[name]
    for count in (1, 2, 3):
        briefing = summarize(article, SummaryOptions(sentences=count, max_chars=1000))
        task = readability_bench.Task("test", article.title, article.text, count, 1000)
        assert readability_bench.faults(list(briefing.sentences), task) == set(), briefing.sentences


@pytest.mark.parametrize("name", ["es_dashes", "es_dash_speaker_mid"])
def test_words_spoken_after_a_dialogue_dash_are_briefed_as_speech(name):
    article = ARTICLES[name]
    _, text, language = article_texts(article)
    spoken: list[str] = []  # the later sentences of paragraphs that open with a dash
    for paragraph in split_paragraphs(text):
        sentences = split_sentences(paragraph, language)
        if paragraph[0] in "—–":
            spoken += [s for s in sentences[1:] if s[0] not in "—–"]
    assert spoken
    for count in (1, 2, 3, 4):
        briefing = summarize(article, SummaryOptions(sentences=count)).sentences
        for sentence in briefing:
            assert sentence not in spoken, briefing  # reopened with its dash, if taken


@pytest.mark.parametrize(
    "name",
    [
        "sv_dash_named_next",
        "sv_quotes_named_next",
        "da_dash_named_next",
        "no_dash_named_next",
        "fi_dash_named_next",
        "de_named_next",
        "es_named_next",
        "fr_named_next",
        "it_named_next",
        "pt_named_next",
    ],
)
def test_a_quotation_is_briefed_with_the_next_paragraph_that_names_its_speaker(name):
    """ "– Vi ska inte ge upp." then "Det säger Anna Nilsson.", "Así lo ha asegurado X.":
    the quotation never without the paragraph that names its speaker, nor that paragraph
    without it."""
    article = ARTICLES[name]
    _, text, language = article_texts(article)
    paragraphs = [split_sentences(p, language) for p in split_paragraphs(text)]
    (speaker,) = [p[0] for p in paragraphs if names_speaker_before(p[0], language)]
    words = [p for p, after in pairwise(paragraphs) if after[0] == speaker][0]
    for count in (1, 2, 3, 4):
        briefing = summarize(article, SummaryOptions(sentences=count)).sentences
        quoted = [k for k, s in enumerate(briefing) if any(s.endswith(w) for w in words)]
        if speaker in briefing:
            assert quoted and max(quoted) == briefing.index(speaker) - 1, briefing
        else:
            assert not quoted, briefing


def test_a_paragraph_that_goes_on_with_a_quotation_is_briefed_with_its_opening_mark():
    """Spanish prints » at the start of each further paragraph of a quotation in «…»; a
    briefing closes the paragraph before, so it reopens this one with «, not "«»"."""
    article = ARTICLES["es_goes_on"]
    for count in (1, 2, 3, 4):
        briefing = summarize(article, SummaryOptions(sentences=count)).sentences
        assert not any(s.startswith(("»", "«»")) for s in briefing), briefing
    assert any(s.startswith("«Los jóvenes") for s in briefing), briefing

