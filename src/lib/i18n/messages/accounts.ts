import { feature } from './feature';

// Several accounts in one app: the switcher in the header, adding an account by its own login
// and password, a name per account on this device, removing an account from the sign-in.
export const accounts = feature({
	en: {
		'accounts.switcher.label': 'Account',
		'accounts.switcher.change': 'Change account, now {name}',
		'accounts.switcher.list': 'Your accounts',
		'accounts.switcher.none': 'No accounts yet',
		'accounts.add': 'Add account',
		'accounts.manage': 'Manage accounts',
		'accounts.title': 'Accounts on this sign-in',
		'accounts.intro':
			'Give each account a name that only this device shows, or remove an account you no longer need.',
		'accounts.loading': 'Loading accounts…',
		'accounts.nickname': 'Name on this device',
		'accounts.nicknameHint': 'For example Home or Dacha. Only this device shows it.',
		'accounts.nicknameSave': 'Save name',
		'accounts.nicknameSaved': 'Name saved.',
		'accounts.remove': 'Remove from this sign-in',
		'accounts.removeConfirm':
			'Remove account {number} from your sign-in? Its data is deleted from your devices. You can add it again with its login and password.',
		'accounts.removed': 'Account {number} removed. Its data leaves this device at the next sync.',
		'accounts.keeps': 'Stays on this sign-in',
		'accounts.needsNetwork': 'Adding and removing accounts needs a connection to the server.',
		'accounts.add.title': 'Add an account',
		'accounts.add.intro':
			'Enter the login and password of the account you want to add — the ones HET sent by SMS for that account. It then appears here beside your other accounts, and works offline too.',
		'accounts.add.login': 'Login of that account',
		'accounts.add.loginHint': 'Usually the personal account number',
		'accounts.add.password': 'Password of that account',
		'accounts.add.submit': 'Add account',
		'accounts.add.busy': 'Adding…',
		'accounts.add.noLogin':
			'No login for that account yet? Send the letter P by SMS to 2100 from the phone registered to it.',
		'accounts.added': 'Added: {numbers}. The data appears as soon as it has downloaded.',
		'accounts.alreadyAdded': 'Already on your sign-in: {numbers}.',
		'accounts.downloading': 'Downloading…',
		'accounts.back': 'Back to accounts',
		'error.staff_login':
			'This login belongs to HET staff, not to a personal account. Enter the login of the account you want to add.',
		'error.own_login': 'This is the login you are signed in with: its accounts are already here.',
		'error.login_without_accounts': 'No personal account is registered to this login.',
		'error.last_account': 'This is the only account on your sign-in, so it cannot be removed.',
		'error.own_account': 'This account belongs to the login you signed in with, so it stays.',
		'error.nickname_too_long': 'The name is too long (at most 24 characters).'
	},
	uz: {
		'accounts.switcher.label': 'Hisob',
		'accounts.switcher.change': 'Hisobni almashtirish, hozir {name}',
		'accounts.switcher.list': 'Hisoblaringiz',
		'accounts.switcher.none': 'Hali hisob yoʻq',
		'accounts.add': 'Hisob qoʻshish',
		'accounts.manage': 'Hisoblarni boshqarish',
		'accounts.title': 'Shu logindagi hisoblar',
		'accounts.intro':
			'Har bir hisobga faqat shu qurilmada koʻrinadigan nom bering yoki keraksiz hisobni olib tashlang.',
		'accounts.loading': 'Hisoblar yuklanmoqda…',
		'accounts.nickname': 'Shu qurilmadagi nomi',
		'accounts.nicknameHint': 'Masalan, Uy yoki Dala hovli. Faqat shu qurilmada koʻrinadi.',
		'accounts.nicknameSave': 'Nomni saqlash',
		'accounts.nicknameSaved': 'Nom saqlandi.',
		'accounts.remove': 'Shu logindan olib tashlash',
		'accounts.removeConfirm':
			'{number} hisobini loginingizdan olib tashlaysizmi? Uning ma’lumotlari qurilmalaringizdan oʻchiriladi. Keyin uni oʻz logini va paroli bilan qayta qoʻshish mumkin.',
		'accounts.removed':
			'{number} hisobi olib tashlandi. Uning ma’lumotlari keyingi yangilanishda qurilmadan oʻchadi.',
		'accounts.keeps': 'Shu loginda qoladi',
		'accounts.needsNetwork': 'Hisob qoʻshish yoki olib tashlash uchun server bilan aloqa kerak.',
		'accounts.add.title': 'Hisob qoʻshish',
		'accounts.add.intro':
			'Qoʻshmoqchi boʻlgan hisobingizning login va parolini kiriting — HET shu hisob uchun SMS orqali yuborgan login va parolni. Hisob boshqa hisoblaringiz yonida paydo boʻladi va internetsiz ham ishlaydi.',
		'accounts.add.login': 'Shu hisobning logini',
		'accounts.add.loginHint': 'Odatda shaxsiy hisob raqami',
		'accounts.add.password': 'Shu hisobning paroli',
		'accounts.add.submit': 'Hisob qoʻshish',
		'accounts.add.busy': 'Qoʻshilmoqda…',
		'accounts.add.noLogin':
			'Bu hisob uchun login yoʻqmi? U roʻyxatdan oʻtgan telefondan 2100 raqamiga P harfini SMS qilib yuboring.',
		'accounts.added': 'Qoʻshildi: {numbers}. Ma’lumotlar yuklanishi bilan koʻrinadi.',
		'accounts.alreadyAdded': 'Loginingizda allaqachon bor: {numbers}.',
		'accounts.downloading': 'Yuklanmoqda…',
		'accounts.back': 'Hisoblarga qaytish',
		'error.staff_login':
			'Bu HET xodimining logini, shaxsiy hisobniki emas. Qoʻshmoqchi boʻlgan hisobning loginini kiriting.',
		'error.own_login': 'Bu siz kirgan login: uning hisoblari allaqachon shu yerda.',
		'error.login_without_accounts': 'Bu loginga hech qanday shaxsiy hisob bogʻlanmagan.',
		'error.last_account': 'Bu loginingizdagi yagona hisob, uni olib tashlab boʻlmaydi.',
		'error.own_account': 'Bu hisob siz kirgan loginga tegishli, shuning uchun u qoladi.',
		'error.nickname_too_long': 'Nom juda uzun (koʻpi bilan 24 belgi).'
	},
	'uz-Cyrl': {
		'accounts.switcher.label': 'Ҳисоб',
		'accounts.switcher.change': 'Ҳисобни алмаштириш, ҳозир {name}',
		'accounts.switcher.list': 'Ҳисобларингиз',
		'accounts.switcher.none': 'Ҳали ҳисоб йўқ',
		'accounts.add': 'Ҳисоб қўшиш',
		'accounts.manage': 'Ҳисобларни бошқариш',
		'accounts.title': 'Шу логиндаги ҳисоблар',
		'accounts.intro':
			'Ҳар бир ҳисобга фақат шу қурилмада кўринадиган ном беринг ёки кераксиз ҳисобни олиб ташланг.',
		'accounts.loading': 'Ҳисоблар юкланмоқда…',
		'accounts.nickname': 'Шу қурилмадаги номи',
		'accounts.nicknameHint': 'Масалан, Уй ёки Дала ҳовли. Фақат шу қурилмада кўринади.',
		'accounts.nicknameSave': 'Номни сақлаш',
		'accounts.nicknameSaved': 'Ном сақланди.',
		'accounts.remove': 'Шу логиндан олиб ташлаш',
		'accounts.removeConfirm':
			'{number} ҳисобини логинингиздан олиб ташлайсизми? Унинг маълумотлари қурилмаларингиздан ўчирилади. Кейин уни ўз логини ва пароли билан қайта қўшиш мумкин.',
		'accounts.removed':
			'{number} ҳисоби олиб ташланди. Унинг маълумотлари кейинги янгиланишда қурилмадан ўчади.',
		'accounts.keeps': 'Шу логинда қолади',
		'accounts.needsNetwork': 'Ҳисоб қўшиш ёки олиб ташлаш учун сервер билан алоқа керак.',
		'accounts.add.title': 'Ҳисоб қўшиш',
		'accounts.add.intro':
			'Қўшмоқчи бўлган ҳисобингизнинг логин ва паролини киритинг — HET шу ҳисоб учун SMS орқали юборган логин ва паролни. Ҳисоб бошқа ҳисобларингиз ёнида пайдо бўлади ва интернетсиз ҳам ишлайди.',
		'accounts.add.login': 'Шу ҳисобнинг логини',
		'accounts.add.loginHint': 'Одатда шахсий ҳисоб рақами',
		'accounts.add.password': 'Шу ҳисобнинг пароли',
		'accounts.add.submit': 'Ҳисоб қўшиш',
		'accounts.add.busy': 'Қўшилмоқда…',
		'accounts.add.noLogin':
			'Бу ҳисоб учун логин йўқми? У рўйхатдан ўтган телефондан 2100 рақамига P ҳарфини SMS қилиб юборинг.',
		'accounts.added': 'Қўшилди: {numbers}. Маълумотлар юкланиши билан кўринади.',
		'accounts.alreadyAdded': 'Логинингизда аллақачон бор: {numbers}.',
		'accounts.downloading': 'Юкланмоқда…',
		'accounts.back': 'Ҳисобларга қайтиш',
		'error.staff_login':
			'Бу HET ходимининг логини, шахсий ҳисобники эмас. Қўшмоқчи бўлган ҳисобнинг логинини киритинг.',
		'error.own_login': 'Бу сиз кирган логин: унинг ҳисоблари аллақачон шу ерда.',
		'error.login_without_accounts': 'Бу логинга ҳеч қандай шахсий ҳисоб боғланмаган.',
		'error.last_account': 'Бу логинингиздаги ягона ҳисоб, уни олиб ташлаб бўлмайди.',
		'error.own_account': 'Бу ҳисоб сиз кирган логинга тегишли, шунинг учун у қолади.',
		'error.nickname_too_long': 'Ном жуда узун (кўпи билан 24 белги).'
	},
	ru: {
		'accounts.switcher.label': 'Лицевой счёт',
		'accounts.switcher.change': 'Сменить счёт, сейчас {name}',
		'accounts.switcher.list': 'Ваши лицевые счета',
		'accounts.switcher.none': 'Пока нет счетов',
		'accounts.add': 'Добавить счёт',
		'accounts.manage': 'Управление счетами',
		'accounts.title': 'Счета в этом входе',
		'accounts.intro':
			'Дайте каждому счёту название, которое видно только на этом устройстве, или удалите ненужный счёт.',
		'accounts.loading': 'Загружаем счета…',
		'accounts.nickname': 'Название на этом устройстве',
		'accounts.nicknameHint': 'Например, Дом или Дача. Видно только на этом устройстве.',
		'accounts.nicknameSave': 'Сохранить название',
		'accounts.nicknameSaved': 'Название сохранено.',
		'accounts.remove': 'Убрать из этого входа',
		'accounts.removeConfirm':
			'Убрать счёт {number} из вашего входа? Его данные будут удалены с ваших устройств. Добавить его снова можно по его логину и паролю.',
		'accounts.removed':
			'Счёт {number} убран. Его данные исчезнут с устройства при следующем обновлении.',
		'accounts.keeps': 'Остаётся в этом входе',
		'accounts.needsNetwork': 'Чтобы добавить или убрать счёт, нужна связь с сервером.',
		'accounts.add.title': 'Добавить лицевой счёт',
		'accounts.add.intro':
			'Введите логин и пароль счёта, который хотите добавить, — те, что HET прислал по SMS для этого счёта. Он появится рядом с другими вашими счетами и будет доступен без интернета.',
		'accounts.add.login': 'Логин этого счёта',
		'accounts.add.loginHint': 'Обычно это номер лицевого счёта',
		'accounts.add.password': 'Пароль этого счёта',
		'accounts.add.submit': 'Добавить счёт',
		'accounts.add.busy': 'Добавляем…',
		'accounts.add.noLogin':
			'Нет логина для этого счёта? Отправьте SMS с буквой P на номер 2100 с телефона, на который он зарегистрирован.',
		'accounts.added': 'Добавлено: {numbers}. Данные появятся, как только загрузятся.',
		'accounts.alreadyAdded': 'Уже есть в вашем входе: {numbers}.',
		'accounts.downloading': 'Загружается…',
		'accounts.back': 'Назад к счетам',
		'error.staff_login':
			'Это логин сотрудника HET, а не лицевого счёта. Введите логин счёта, который хотите добавить.',
		'error.own_login': 'Это логин, под которым вы вошли: его счета уже здесь.',
		'error.login_without_accounts': 'К этому логину не привязан ни один лицевой счёт.',
		'error.last_account': 'Это единственный счёт в вашем входе, его нельзя убрать.',
		'error.own_account': 'Этот счёт принадлежит логину, под которым вы вошли, поэтому он остаётся.',
		'error.nickname_too_long': 'Название слишком длинное (не больше 24 символов).'
	}
});
