"""Short news articles in other languages than English, written for the tests (the towns,
people and events are invented): each a title and paragraphs of whole sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Written:
    language: str  # as summaries.language.LANGUAGES names it
    title: str
    paragraphs: tuple[tuple[str, ...], ...]  # each paragraph's sentences

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(sentences) for sentences in self.paragraphs)

    @property
    def html(self) -> str:
        return "".join(f"<p>{' '.join(sentences)}</p>" for sentences in self.paragraphs)

    @property
    def sentences(self) -> set[str]:
        return {sentence for paragraph in self.paragraphs for sentence in paragraph}


GERMAN = Written(
    "german",
    "Hafen von Brennport nach Cyberangriff lahmgelegt",
    (
        (
            "Ein Cyberangriff hat am Dienstag die Computersysteme des Hafens von Brennport "
            "lahmgelegt.",
            "Seit dem frühen Morgen können dort keine Container mehr verladen werden.",
        ),
        (
            "Nach Angaben der Hafenverwaltung warten rund 40 Frachtschiffe vor der Küste auf "
            "einen Liegeplatz.",
            "Hunderte Lastwagen stauen sich an den Zufahrten zum Terminal.",
        ),
        (
            "Die Angreifer verschlüsselten nach ersten Erkenntnissen die Server der "
            "Terminalsteuerung und forderten ein Lösegeld.",
            "Die Hafenverwaltung will nicht zahlen, wie ihr Sprecher Dr. Jonas Feldmann sagte.",
        ),
        (
            "Zuletzt war der Hafen am 3. Oktober 2024 für mehrere Stunden ausgefallen, damals "
            "wegen eines Stromausfalls.",
            "Die Polizei ermittelt nun gemeinsam mit dem Landesamt für Informationssicherheit.",
        ),
        (
            "Reedereien rechnen mit Verzögerungen von mindestens drei Tagen, z. B. bei "
            "Lieferungen von Ersatzteilen für die Autoindustrie.",
            "Der Betrieb soll frühestens am Donnerstag wieder anlaufen.",
        ),
    ),
)

FRENCH = Written(
    "french",
    "Brennport : le port paralysé par une cyberattaque",
    (
        (
            "Une cyberattaque a paralysé mardi les systèmes informatiques du port de Brennport.",
            "Depuis le début de la matinée, plus aucun conteneur ne peut être chargé ou déchargé.",
        ),
        (
            "Selon l'autorité portuaire, une quarantaine de cargos attendent au large qu'un "
            "quai se libère.",
            "Des centaines de camions sont bloqués aux abords du terminal.",
        ),
        (
            "Les pirates ont chiffré les serveurs qui pilotent les grues et réclament une rançon.",
            "« Nous ne paierons pas », a déclaré M. Julien Marchand, porte-parole du port.",
        ),
        (
            "La police enquête avec l'agence nationale de sécurité informatique.",
            "Les armateurs prévoient des retards d'au moins trois jours pour les livraisons "
            "de pièces détachées.",
        ),
        ("L'activité ne devrait pas reprendre avant jeudi, selon la direction du port.",),
    ),
)

SPANISH = Written(
    "spanish",
    "Un ciberataque paraliza el puerto de Brennport",
    (
        (
            "Un ciberataque paralizó el martes los sistemas informáticos del puerto de Brennport.",
            "Desde primera hora de la mañana no se puede cargar ni descargar ningún contenedor.",
        ),
        (
            "Según la autoridad portuaria, unos cuarenta buques de carga esperan frente a la "
            "costa a que quede libre un muelle.",
            "Cientos de camiones permanecen atascados en los accesos a la terminal.",
        ),
        (
            "Los atacantes cifraron los servidores que controlan las grúas y exigen un rescate.",
            "«No vamos a pagar», afirmó el Sr. Andrés Molina, portavoz del puerto.",
        ),
        (
            "¿Cuándo volverá la normalidad?",
            "La dirección del puerto no espera reanudar la actividad antes del jueves.",
        ),
        (
            "La policía investiga el ataque junto con la agencia nacional de ciberseguridad.",
            "Las navieras calculan retrasos de al menos tres días en la entrega de piezas de "
            "recambio.",
        ),
    ),
)

CHINESE = Written(
    "chinese",
    "布伦港遭勒索软件攻击 码头运营全面瘫痪",
    (
        (
            "布伦港的集装箱码头周二遭到勒索软件攻击，装卸系统全部停止运行。",
            "港务局表示，从清晨开始，码头已无法装卸任何集装箱。",
        ),
        (
            "据港务局介绍，约四十艘货轮正在外海等待靠泊，数百辆卡车滞留在码头入口。",
            "一些司机说，他们已经排队等候了十多个小时。",
        ),
        (
            "初步调查显示，攻击者加密了控制起重机的服务器，并索要赎金。",
            "港务局发言人冯嘉明说：“我们不会支付赎金。”",
        ),
        (
            "警方正在与国家网络安全机构合作调查此案。",
            "航运公司预计，零部件等货物的交付将至少推迟三天。",
        ),
        ("港务局称，码头最早要到周四才能恢复运营。",),
    ),
)

POLISH = Written(
    "polish",
    "Port w Brzegowie sparaliżowany po cyberataku",
    (
        (
            "Cyberatak sparaliżował we wtorek systemy komputerowe portu w Brzegowie.",
            "Od wczesnego rana nie można tam przeładować żadnego kontenera.",
        ),
        (
            "Według zarządu portu około czterdziestu statków towarowych czeka na redzie na "
            "wolne nabrzeże.",
            "Setki ciężarówek stoją w korkach na drogach dojazdowych do terminalu.",
        ),
        (
            "Napastnicy zaszyfrowali serwery sterujące dźwigami i zażądali okupu.",
            "Zarząd portu nie zamierza płacić, jak powiedział jego rzecznik Jan Nowicki.",
        ),
        (
            "Policja prowadzi śledztwo wspólnie z krajową agencją bezpieczeństwa sieci.",
            "Armatorzy liczą się z opóźnieniami dostaw części zamiennych o co najmniej trzy dni.",
        ),
        ("Terminal ma wznowić pracę najwcześniej w czwartek.",),
    ),
)

# Polish is summarized without stemming (sumy's Polish stemmer needs a package that is
# not installed: see summaries.language)
WRITTEN = (GERMAN, FRENCH, SPANISH, CHINESE, POLISH)
