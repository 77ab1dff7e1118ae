"""One paragraph of news in each of many languages, written for the tests (the event is
invented: a government's minimum-wage bill): four whole sentences, each ended as its
language ends one (a full stop, the danda, Armenian's, Burmese's or Ethiopic's full stop,
a space alone in Thai)."""

from __future__ import annotations

PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "slovenian": (
        "Vlada je v četrtek sprejela predlog zakona o minimalni plači, ki bi jo s prihodnjim "
        "letom zvišali za osem odstotkov.",
        "Ministrica za delo je dejala, da bo povišanje veljalo za vse zaposlene v javnem in "
        "zasebnem sektorju.",
        "Sindikati so predlog pozdravili, delodajalci pa opozarjajo, da bo zvišanje ogrozilo "
        "številna delovna mesta.",
        "Državni zbor bo o zakonu glasoval prihodnji mesec.",
    ),
    "slovak": (
        "Vláda vo štvrtok schválila návrh zákona o minimálnej mzde, ktorá by sa od budúceho "
        "roka zvýšila o osem percent.",
        "Ministerka práce povedala, že zvýšenie sa bude týkať všetkých zamestnancov vo "
        "verejnom aj súkromnom sektore.",
        "Odbory návrh privítali, zamestnávatelia však upozorňujú, že zvýšenie ohrozí mnohé "
        "pracovné miesta.",
        "Národná rada bude o zákone hlasovať budúci mesiac.",
    ),
    "lithuanian": (
        "Vyriausybė ketvirtadienį pritarė minimaliosios algos įstatymo projektui, pagal kurį "
        "nuo kitų metų ji padidėtų aštuoniais procentais.",
        "Socialinės apsaugos ir darbo ministrė sakė, kad padidinimas bus taikomas visiems "
        "viešojo ir privačiojo sektorių darbuotojams.",
        "Profesinės sąjungos projektą palankiai įvertino, tačiau darbdaviai perspėja, kad "
        "didinimas kelia grėsmę daugeliui darbo vietų.",
        "Seimas dėl įstatymo balsuos kitą mėnesį.",
    ),
    "latvian": (
        "Valdība ceturtdien atbalstīja likumprojektu par minimālo algu, kas no nākamā gada "
        "tiktu palielināta par astoņiem procentiem.",
        "Labklājības ministre sacīja, ka palielinājums attieksies uz visiem darbiniekiem gan "
        "publiskajā, gan privātajā sektorā.",
        "Arodbiedrības priekšlikumu atzinīgi novērtēja, taču darba devēji brīdina, ka tas "
        "apdraudēs daudzas darba vietas.",
        "Saeima par likumprojektu balsos nākamajā mēnesī.",
    ),
    "estonian": (
        "Valitsus kiitis neljapäeval heaks miinimumpalga seaduse eelnõu, mille järgi tõuseks "
        "palk järgmisest aastast kaheksa protsenti.",
        "Sotsiaalminister ütles, et tõus puudutab kõiki avaliku ja erasektori töötajaid.",
        "Ametiühingud tervitasid eelnõu, kuid tööandjad hoiatavad, et palgatõus seab ohtu "
        "paljud töökohad.",
        "Riigikogu hääletab eelnõu üle järgmisel kuul.",
    ),
    "icelandic": (
        "Ríkisstjórnin samþykkti á fimmtudag frumvarp um lágmarkslaun sem myndu hækka um átta "
        "prósent frá og með næsta ári.",
        "Félagsmálaráðherra sagði að hækkunin myndi ná til allra starfsmanna á opinberum og "
        "almennum vinnumarkaði.",
        "Verkalýðsfélög fögnuðu frumvarpinu en atvinnurekendur vara við því að hækkunin geti "
        "ógnað mörgum störfum.",
        "Alþingi greiðir atkvæði um frumvarpið í næsta mánuði.",
    ),
    "albanian": (
        "Qeveria miratoi të enjten projektligjin për pagën minimale, e cila do të rritet me "
        "tetë për qind nga viti i ardhshëm.",
        "Ministrja e Punës tha se rritja do të vlejë për të gjithë punonjësit në sektorin "
        "publik dhe privat.",
        "Sindikatat e mirëpritën projektligjin, ndërsa punëdhënësit paralajmërojnë se rritja "
        "do të rrezikojë shumë vende pune.",
        "Kuvendi do ta votojë ligjin muajin e ardhshëm.",
    ),
    "macedonian": (
        "Владата во четвртокот го усвои предлог-законот за минимална плата, која од следната "
        "година би се зголемила за осум проценти.",
        "Министерката за труд изјави дека зголемувањето ќе важи за сите вработени во јавниот "
        "и приватниот сектор.",
        "Синдикатите го поздравија предлогот, но работодавците предупредуваат дека "
        "зголемувањето ќе загрози многу работни места.",
        "Собранието ќе гласа за законот следниот месец.",
    ),
    "bulgarian": (
        "Правителството одобри в четвъртък законопроекта за минималната работна заплата, "
        "която от следващата година ще се увеличи с осем процента.",
        "Министърът на труда заяви, че увеличението ще важи за всички служители в "
        "държавния и частния сектор.",
        "Синдикатите приветстваха проекта, но работодателите предупреждават, че "
        "увеличението ще застраши много работни места.",
        "Народното събрание ще гласува закона през следващия месец.",
    ),
    "ukrainian": (
        "Уряд у четвер схвалив законопроєкт про мінімальну заробітну плату, яка з "
        "наступного року зросте на вісім відсотків.",
        "Міністерка соціальної політики заявила, що підвищення стосуватиметься всіх "
        "працівників державного та приватного секторів.",
        "Профспілки привітали законопроєкт, однак роботодавці попереджають, що підвищення "
        "загрожує багатьом робочим місцям.",
        "Верховна Рада голосуватиме за закон наступного місяця.",
    ),
    "belarusian": (
        "Урад у чацвер ухваліў законапраект аб мінімальнай заработнай плаце, якая з "
        "наступнага года павялічыцца на восем працэнтаў.",
        "Міністр працы заявіў, што павышэнне будзе тычыцца ўсіх работнікаў дзяржаўнага і "
        "прыватнага сектараў.",
        "Прафсаюзы падтрымалі законапраект, аднак наймальнікі папярэджваюць, што павышэнне "
        "пагражае многім працоўным месцам.",
        "Палата прадстаўнікоў прагаласуе за закон у наступным месяцы.",
    ),
    "azerbaijani": (
        "Hökumət cümə axşamı minimum əmək haqqı haqqında qanun layihəsini təsdiqləyib, ona "
        "görə maaşlar gələn ildən səkkiz faiz artırılacaq.",
        "Əmək və əhalinin sosial müdafiəsi naziri bildirib ki, artım dövlət və özəl sektorda "
        "çalışan bütün işçilərə şamil ediləcək.",
        "Həmkarlar ittifaqları layihəni alqışlayıb, lakin işəgötürənlər artımın bir çox iş "
        "yerini təhlükə altına alacağını bildirirlər.",
        "Milli Məclis qanunu gələn ay səsə qoyacaq.",
    ),
    "kazakh": (
        "Үкімет бейсенбі күні ең төменгі жалақы туралы заң жобасын мақұлдады, оған сәйкес "
        "жалақы келесі жылдан бастап сегіз пайызға өседі.",
        "Еңбек және халықты әлеуметтік қорғау министрі көтеру мемлекеттік және жеке "
        "сектордағы барлық қызметкерлерге қатысты болатынын айтты.",
        "Кәсіподақтар жобаны құптады, алайда жұмыс берушілер бұл көптеген жұмыс орындарына "
        "қауіп төндіретінін ескертеді.",
        "Мәжіліс заң жобасын келесі айда қарайды.",
    ),
    "uzbek": (
        "Hukumat payshanba kuni eng kam ish haqi to‘g‘risidagi qonun loyihasini ma’qulladi, "
        "unga ko‘ra maoshlar kelgusi yildan sakkiz foizga oshiriladi.",
        "Bandlik va mehnat munosabatlari vaziri oshirish davlat va xususiy sektordagi barcha "
        "xodimlarga tatbiq etilishini aytdi.",
        "Kasaba uyushmalari loyihani olqishladi, biroq ish beruvchilar bu ko‘plab ish "
        "o‘rinlariga xavf solishini ogohlantirmoqda.",
        "Oliy Majlis qonun loyihasini kelgusi oyda ko‘rib chiqadi.",
    ),
    "swahili": (
        "Serikali imeidhinisha Alhamisi muswada wa sheria kuhusu kima cha chini cha "
        "mshahara, ambacho kitaongezeka kwa asilimia nane kuanzia mwaka ujao.",
        "Waziri wa Kazi alisema nyongeza hiyo itawahusu wafanyakazi wote katika sekta ya "
        "umma na binafsi.",
        "Vyama vya wafanyakazi vimeukaribisha muswada huo, lakini waajiri wanaonya kuwa "
        "nyongeza hiyo itahatarisha ajira nyingi.",
        "Bunge litapiga kura kuhusu sheria hiyo mwezi ujao.",
    ),
    "tagalog": (
        "Inaprubahan ng pamahalaan noong Huwebes ang panukalang batas sa minimum na sahod, "
        "na tataas ng walong porsiyento simula sa susunod na taon.",
        "Sinabi ng Kalihim ng Paggawa na saklaw ng dagdag-sahod ang lahat ng manggagawa sa "
        "pampubliko at pribadong sektor.",
        "Tinanggap ng mga unyon ang panukala, ngunit nagbabala ang mga employer na maaaring "
        "mawalan ng trabaho ang marami dahil dito.",
        "Boboto ang Kongreso sa panukala sa susunod na buwan.",
    ),
    "vietnamese": (
        "Chính phủ hôm thứ Năm đã thông qua dự thảo luật về mức lương tối thiểu, theo đó "
        "lương sẽ tăng tám phần trăm từ năm sau.",
        "Bộ trưởng Bộ Lao động cho biết mức tăng sẽ áp dụng cho toàn bộ người lao động trong "
        "khu vực nhà nước và tư nhân.",
        "Các công đoàn hoan nghênh dự thảo, nhưng giới chủ doanh nghiệp cảnh báo việc tăng "
        "lương có thể đe dọa nhiều việc làm.",
        "Quốc hội sẽ biểu quyết về dự luật vào tháng tới.",
    ),
    "thai": (
        "รัฐบาลอนุมัติร่างกฎหมายค่าแรงขั้นต่ำเมื่อวันพฤหัสบดีที่ผ่านมา",
        "รัฐมนตรีว่าการกระทรวงแรงงานกล่าวว่าค่าแรงจะเพิ่มขึ้นร้อยละแปดตั้งแต่ปีหน้า",
        "สหภาพแรงงานยินดีกับร่างกฎหมายนี้แต่นายจ้างเตือนว่าอาจทำให้หลายคนตกงาน",
        "รัฐสภาจะลงมติร่างกฎหมายดังกล่าวในเดือนหน้า",
    ),
    "hebrew": (
        "הממשלה אישרה ביום חמישי את הצעת החוק לשכר המינימום, שיעלה בשמונה אחוזים החל מהשנה הבאה.",
        "שר העבודה אמר כי ההעלאה תחול על כל העובדים במגזר הציבורי ובמגזר הפרטי.",
        "ההסתדרות בירכה על ההצעה, אך המעסיקים מזהירים כי ההעלאה תסכן מקומות עבודה רבים.",
        "הכנסת תצביע על החוק בחודש הבא.",
    ),
    "hindi": (
        "सरकार ने गुरुवार को न्यूनतम वेतन विधेयक को मंज़ूरी दे दी, जिसके तहत अगले साल से "
        "वेतन में आठ प्रतिशत की बढ़ोतरी होगी।",
        "श्रम मंत्री ने कहा कि यह बढ़ोतरी सरकारी और निजी क्षेत्र के सभी कर्मचारियों पर लागू होगी।",
        "मज़दूर संघों ने विधेयक का स्वागत किया, लेकिन नियोक्ताओं ने चेतावनी दी कि इससे कई "
        "नौकरियाँ ख़तरे में पड़ सकती हैं।",
        "संसद अगले महीने इस विधेयक पर मतदान करेगी।",
    ),
    "bengali": (
        "সরকার বৃহস্পতিবার ন্যূনতম মজুরি বিল অনুমোদন করেছে, যার ফলে আগামী বছর থেকে মজুরি আট শতাংশ বাড়বে।",
        "শ্রমমন্ত্রী বলেছেন, এই বৃদ্ধি সরকারি ও বেসরকারি খাতের সব কর্মীর জন্য প্রযোজ্য হবে।",
        "শ্রমিক সংগঠনগুলো বিলটিকে স্বাগত জানিয়েছে, তবে মালিকপক্ষ সতর্ক করেছে যে এতে অনেক "
        "চাকরি ঝুঁকিতে পড়তে পারে।",
        "সংসদ আগামী মাসে বিলটির ওপর ভোট দেবে।",
    ),
    "tamil": (
        "குறைந்தபட்ச ஊதிய மசோதாவுக்கு அரசு வியாழக்கிழமை ஒப்புதல் அளித்தது, இதன்படி அடுத்த "
        "ஆண்டு முதல் ஊதியம் எட்டு சதவீதம் உயரும்.",
        "இந்த உயர்வு அரசு மற்றும் தனியார் துறையில் பணிபுரியும் அனைத்து ஊழியர்களுக்கும் "
        "பொருந்தும் என்று தொழிலாளர் அமைச்சர் தெரிவித்தார்.",
        "தொழிற்சங்கங்கள் மசோதாவை வரவேற்றன, ஆனால் இதனால் பல வேலைகள் பாதிக்கப்படலாம் என்று முதலாளிகள் எச்சரித்துள்ளனர்.",
        "நாடாளுமன்றம் அடுத்த மாதம் இந்த மசோதா மீது வாக்களிக்கும்.",
    ),
    "armenian": (
        "Կառավարությունը հինգշաբթի հավանություն է տվել նվազագույն աշխատավարձի մասին "
        "օրինագծին, որով հաջորդ տարվանից աշխատավարձը կբարձրանա ութ տոկոսով։",
        "Աշխատանքի նախարարը հայտարարել է, որ բարձրացումը կվերաբերի պետական և մասնավոր "
        "հատվածի բոլոր աշխատողներին։",
        "Արհմիությունները ողջունել են օրինագիծը, սակայն գործատուները զգուշացնում են, որ այն "
        "կարող է վտանգել բազմաթիվ աշխատատեղեր։",
        "Ազգային ժողովը օրինագիծը կքվեարկի հաջորդ ամիս։",
    ),
    "burmese": (
        "အစိုးရသည် ကြာသပတေးနေ့တွင် အနည်းဆုံးလုပ်ခလစာ ဥပဒေကြမ်းကို အတည်ပြုခဲ့သည်။",
        "အလုပ်သမားဝန်ကြီးက လုပ်ခလစာသည် လာမည့်နှစ်မှစ၍ ရှစ်ရာခိုင်နှုန်း တိုးမည်ဟု ပြောကြားခဲ့သည်။",
        "အလုပ်သမားသမဂ္ဂများက ဥပဒေကြမ်းကို ကြိုဆိုခဲ့သော်လည်း အလုပ်ရှင်များက အလုပ်အကိုင်များ ဆုံးရှုံးနိုင်သည်ဟု သတိပေးခဲ့သည်။",
        "လွှတ်တော်သည် လာမည့်လတွင် ဥပဒေကြမ်းကို မဲခွဲဆုံးဖြတ်မည်။",
    ),
    "amharic": (
        "መንግሥት ሐሙስ ዕለት የዝቅተኛ ደመወዝ ረቂቅ ሕግን አጽድቋል።",
        "የሠራተኛ ሚኒስትሩ ደመወዙ ከሚቀጥለው ዓመት ጀምሮ በስምንት በመቶ እንደሚጨምር ተናግረዋል።",
        "የሠራተኛ ማኅበራት ረቂቁን በደስታ ተቀብለውታል፤ ቀጣሪዎች ግን ብዙ ሥራዎች አደጋ ላይ ሊወድቁ እንደሚችሉ አስጠንቅቀዋል።",
        "ፓርላማው በሚቀጥለው ወር በረቂቁ ላይ ድምጽ ይሰጣል።",
    ),
    "malay": (
        "Kerajaan hari ini meluluskan rang undang-undang gaji minimum, yang akan dinaikkan "
        "sebanyak lapan peratus mulai tahun hadapan.",
        "Menteri Sumber Manusia berkata kenaikan itu akan meliputi semua pekerja dalam sektor "
        "awam dan swasta.",
        "Kesatuan sekerja mengalu-alukan rang undang-undang tersebut, namun majikan memberi "
        "amaran bahawa kenaikan itu boleh menjejaskan banyak peluang pekerjaan.",
        "Dewan Rakyat akan mengundi rang undang-undang itu bulan hadapan.",
    ),
    "indonesian": (
        "Pemerintah pada Kamis menyetujui rancangan undang-undang upah minimum, yang akan "
        "naik delapan persen mulai tahun depan.",
        "Menteri Ketenagakerjaan mengatakan kenaikan itu berlaku bagi seluruh pekerja di "
        "sektor pemerintah dan swasta.",
        "Serikat pekerja menyambut baik rancangan tersebut, tetapi pengusaha memperingatkan "
        "bahwa kenaikan itu dapat mengancam banyak lapangan kerja.",
        "Dewan Perwakilan Rakyat akan memberikan suara atas rancangan itu bulan depan.",
    ),
    "croatian": (
        "Vlada je u četvrtak prihvatila prijedlog zakona o minimalnoj plaći, koja bi se od "
        "sljedeće godine povećala za osam posto.",
        "Ministrica rada izjavila je da će se povećanje odnositi na sve zaposlene u javnom i "
        "privatnom sektoru.",
        "Sindikati su pozdravili prijedlog, ali poslodavci upozoravaju da bi povećanje moglo "
        "ugroziti mnoga radna mjesta.",
        "Sabor će o zakonu glasovati idućeg mjeseca.",
    ),
    "serbian": (
        "Влада је у четвртак усвојила предлог закона о минималној заради, која би се од "
        "следеће године повећала за осам одсто.",
        "Министарка за рад изјавила је да ће се повећање односити на све запослене у јавном "
        "и приватном сектору.",
        "Синдикати су поздравили предлог, али послодавци упозоравају да би повећање могло да "
        "угрози многа радна места.",
        "Скупштина ће о закону гласати следећег месеца.",
    ),
    "norwegian": (
        "Regjeringen vedtok torsdag et lovforslag om minstelønn, som skal økes med åtte "
        "prosent fra neste år.",
        "Arbeidsministeren sa at økningen vil gjelde alle ansatte i offentlig og privat sektor.",
        "Fagforeningene ønsket forslaget velkommen, men arbeidsgiverne advarer om at økningen "
        "kan true mange arbeidsplasser.",
        "Stortinget skal stemme over loven neste måned.",
    ),
}
