import { feature } from './feature';

// The help page: the hotline, getting a login by SMS, video guides, short answers.
export const help = feature({
	en: {
		'help.title': 'Help',
		'help.hotline.title': 'HET hotline',
		'help.hotline.text': 'Questions about your account, bills, payments or the meter — call:',
		'help.hotline.call': 'Call {number}',
		'help.login.title': 'Getting a login and password',
		'help.login.text':
			'Send an SMS with the letter {letter} to {number} from the phone registered to your personal account. The answer brings a login and a password for each account registered to that phone.',
		'help.reset.title': 'Forgot the password?',
		'help.reset.text':
			'Send {letter} to {number} again: a new password comes by SMS, and the old one stops working.',
		'help.videos.title': 'Video guides',
		'help.videos.note': 'Videos open on the web and need an internet connection.',
		'help.faq.title': 'Questions and answers',
		'help.faq.install.q': 'How do I install the app?',
		'help.faq.install.a':
			'On Android, open Tok in Chrome and choose Install (or Settings → Install Tok). On iPhone, open it in Safari, tap Share, then “Add to Home Screen”. The installed app opens from the home screen and works without internet.',
		'help.faq.signIn.q': 'How do I sign in?',
		'help.faq.signIn.a':
			'Enter the login and password that came by SMS (send P to 2100). The login is usually your personal account number. After the first sign-in your data stays on the phone and can be read without internet.',
		'help.faq.accounts.q': 'Can I see several accounts, for example home and dacha?',
		'help.faq.accounts.a':
			'Yes. Open the account menu at the top of the page and choose “Add account”, then enter that account’s own login and password. Give each account a name on this device and switch between them from the top of any page.',
		'help.faq.figures.q': 'Why do the figures differ from what a payment service shows?',
		'help.faq.figures.a':
			'A payment takes time to reach the HET ledger — usually up to a day — so Tok may show it later than the payment app does. And the bill is made once a month from the readings, while Tok’s estimate for the current month is updated every day; the estimate becomes the bill when the month closes.',
		'help.faq.offline.q': 'Does Tok work without internet?',
		'help.faq.offline.a':
			'Yes. Everything you have seen once stays on the device. Requests made offline wait on the phone and are sent by themselves when the connection returns.'
	},
	uz: {
		'help.title': 'Yordam',
		'help.hotline.title': 'HET ishonch telefoni',
		'help.hotline.text':
			'Hisobingiz, hisob-kitob, toʻlovlar yoki hisoblagich boʻyicha savollar boʻlsa, qoʻngʻiroq qiling:',
		'help.hotline.call': '{number} raqamiga qoʻngʻiroq qilish',
		'help.login.title': 'Login va parolni qanday olish mumkin',
		'help.login.text':
			'Shaxsiy hisobingiz roʻyxatdan oʻtgan telefondan {number} raqamiga {letter} harfini SMS qilib yuboring. Javobda shu telefonga roʻyxatdan oʻtgan har bir hisob uchun login va parol keladi.',
		'help.reset.title': 'Parolni unutdingizmi?',
		'help.reset.text':
			'{number} raqamiga yana {letter} yuboring: yangi parol SMS orqali keladi, eskisi esa endi ishlamaydi.',
		'help.videos.title': 'Video qoʻllanmalar',
		'help.videos.note': 'Videolar internetda ochiladi, aloqa kerak.',
		'help.faq.title': 'Savol va javoblar',
		'help.faq.install.q': 'Ilovani qanday oʻrnatish mumkin?',
		'help.faq.install.a':
			'Androidda Tokni Chrome brauzerida oching va “Oʻrnatish”ni tanlang (yoki Sozlamalar → Tokni oʻrnatish). iPhone’da uni Safari’da oching, “Ulashish”ni, soʻng “Bosh ekranga qoʻshish”ni bosing. Oʻrnatilgan ilova bosh ekrandan ochiladi va internetsiz ishlaydi.',
		'help.faq.signIn.q': 'Qanday kirish mumkin?',
		'help.faq.signIn.a':
			'SMS orqali kelgan login va parolni kiriting (2100 raqamiga P yuboring). Login odatda shaxsiy hisob raqamingiz boʻladi. Birinchi kirishdan soʻng ma’lumotlaringiz telefonda qoladi va ularni internetsiz koʻrish mumkin.',
		'help.faq.accounts.q': 'Bir nechta hisobni, masalan, uy va dala hovlini koʻrish mumkinmi?',
		'help.faq.accounts.a':
			'Ha. Sahifa tepasidagi hisoblar menyusini oching, “Hisob qoʻshish”ni tanlang va shu hisobning login va parolini kiriting. Har bir hisobga shu qurilmada nom bering va istalgan sahifa tepasida ular orasida almashing.',
		'help.faq.figures.q': 'Nega raqamlar toʻlov xizmati koʻrsatganidan farq qiladi?',
		'help.faq.figures.a':
			'Toʻlov HET tizimiga darhol emas, odatda bir kun ichida tushadi, shuning uchun Tok uni toʻlov ilovasidan kechroq koʻrsatishi mumkin. Bundan tashqari, hisob-varaq oyiga bir marta koʻrsatkichlar asosida chiqariladi, Tokdagi joriy oy taxmini esa har kuni yangilanadi; oy yopilganda taxmin hisob-varaqqa aylanadi.',
		'help.faq.offline.q': 'Tok internetsiz ishlaydimi?',
		'help.faq.offline.a':
			'Ha. Bir marta koʻrgan hamma narsangiz qurilmada qoladi. Aloqasiz yuborilgan arizalar telefonda kutib turadi va aloqa tiklanganda oʻzi yuboriladi.'
	},
	'uz-Cyrl': {
		'help.title': 'Ёрдам',
		'help.hotline.title': 'HET ишонч телефони',
		'help.hotline.text':
			'Ҳисобингиз, ҳисоб-китоб, тўловлар ёки ҳисоблагич бўйича саволлар бўлса, қўнғироқ қилинг:',
		'help.hotline.call': '{number} рақамига қўнғироқ қилиш',
		'help.login.title': 'Логин ва паролни қандай олиш мумкин',
		'help.login.text':
			'Шахсий ҳисобингиз рўйхатдан ўтган телефондан {number} рақамига {letter} ҳарфини SMS қилиб юборинг. Жавобда шу телефонга рўйхатдан ўтган ҳар бир ҳисоб учун логин ва парол келади.',
		'help.reset.title': 'Паролни унутдингизми?',
		'help.reset.text':
			'{number} рақамига яна {letter} юборинг: янги парол SMS орқали келади, эскиси эса энди ишламайди.',
		'help.videos.title': 'Видео қўлланмалар',
		'help.videos.note': 'Видеолар интернетда очилади, алоқа керак.',
		'help.faq.title': 'Савол ва жавоблар',
		'help.faq.install.q': 'Иловани қандай ўрнатиш мумкин?',
		'help.faq.install.a':
			'Android’да Tok иловасини Chrome браузерида очинг ва «Ўрнатиш»ни танланг (ёки Созламалар → Tok иловасини ўрнатиш). iPhone’да уни Safari’да очинг, «Улашиш»ни, сўнг «Бош экранга қўшиш»ни босинг. Ўрнатилган илова бош экрандан очилади ва интернетсиз ишлайди.',
		'help.faq.signIn.q': 'Қандай кириш мумкин?',
		'help.faq.signIn.a':
			'SMS орқали келган логин ва паролни киритинг (2100 рақамига P юборинг). Логин одатда шахсий ҳисоб рақамингиз бўлади. Биринчи киришдан сўнг маълумотларингиз телефонда қолади ва уларни интернетсиз кўриш мумкин.',
		'help.faq.accounts.q': 'Бир нечта ҳисобни, масалан, уй ва дала ҳовлини кўриш мумкинми?',
		'help.faq.accounts.a':
			'Ҳа. Саҳифа тепасидаги ҳисоблар менюсини очинг, «Ҳисоб қўшиш»ни танланг ва шу ҳисобнинг логин ва паролини киритинг. Ҳар бир ҳисобга шу қурилмада ном беринг ва исталган саҳифа тепасида улар орасида алмашинг.',
		'help.faq.figures.q': 'Нега рақамлар тўлов хизмати кўрсатганидан фарқ қилади?',
		'help.faq.figures.a':
			'Тўлов HET тизимига дарҳол эмас, одатда бир кун ичида тушади, шунинг учун Tok уни тўлов иловасидан кечроқ кўрсатиши мумкин. Бундан ташқари, ҳисоб-варақ ойига бир марта кўрсаткичлар асосида чиқарилади, Tok’даги жорий ой тахмини эса ҳар куни янгиланади; ой ёпилганда тахмин ҳисоб-вараққа айланади.',
		'help.faq.offline.q': 'Tok интернетсиз ишлайдими?',
		'help.faq.offline.a':
			'Ҳа. Бир марта кўрган ҳамма нарсангиз қурилмада қолади. Алоқасиз юборилган аризалар телефонда кутиб туради ва алоқа тикланганда ўзи юборилади.'
	},
	ru: {
		'help.title': 'Помощь',
		'help.hotline.title': 'Горячая линия HET',
		'help.hotline.text': 'Вопросы о лицевом счёте, начислениях, платежах или счётчике — звоните:',
		'help.hotline.call': 'Позвонить {number}',
		'help.login.title': 'Как получить логин и пароль',
		'help.login.text':
			'Отправьте SMS с буквой {letter} на номер {number} с телефона, на который зарегистрирован ваш лицевой счёт. В ответ придут логин и пароль для каждого счёта, зарегистрированного на этот телефон.',
		'help.reset.title': 'Забыли пароль?',
		'help.reset.text':
			'Снова отправьте {letter} на номер {number}: новый пароль придёт по SMS, а старый перестанет действовать.',
		'help.videos.title': 'Видеоинструкции',
		'help.videos.note': 'Видео открываются в интернете, нужна связь.',
		'help.faq.title': 'Вопросы и ответы',
		'help.faq.install.q': 'Как установить приложение?',
		'help.faq.install.a':
			'На Android откройте Tok в Chrome и выберите «Установить» (или Настройки → Установить Tok). На iPhone откройте его в Safari, нажмите «Поделиться», затем «На экран „Домой“». Установленное приложение открывается с главного экрана и работает без интернета.',
		'help.faq.signIn.q': 'Как войти?',
		'help.faq.signIn.a':
			'Введите логин и пароль, пришедшие по SMS (отправьте P на 2100). Логин обычно совпадает с номером лицевого счёта. После первого входа данные остаются на телефоне, и их можно смотреть без интернета.',
		'help.faq.accounts.q': 'Можно ли смотреть несколько счетов, например дом и дачу?',
		'help.faq.accounts.a':
			'Да. Откройте меню счетов вверху страницы, выберите «Добавить счёт» и введите логин и пароль этого счёта. Дайте каждому счёту название на этом устройстве и переключайтесь между ними вверху любой страницы.',
		'help.faq.figures.q': 'Почему суммы отличаются от тех, что показывает платёжный сервис?',
		'help.faq.figures.a':
			'Платёж доходит до учёта HET не сразу — обычно в течение суток, — поэтому Tok может показать его позже, чем платёжное приложение. Кроме того, счёт выставляется раз в месяц по показаниям, а оценка Tok за текущий месяц обновляется каждый день; когда месяц закрывается, оценка становится начислением.',
		'help.faq.offline.q': 'Работает ли Tok без интернета?',
		'help.faq.offline.a':
			'Да. Всё, что вы хоть раз видели, остаётся на устройстве. Заявки, оформленные без связи, ждут на телефоне и отправляются сами, когда связь появится.'
	}
});
