import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
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
	'help.videos.title': 'YouTube’dan video topish',
	'help.videos.note':
		'HETning oʻz video qoʻllanmalari hali yoʻq. Har bir havola mavzu boʻyicha YouTube qidiruvini ochadi, videolar boshqa mualliflarniki; internet kerak.',
	'help.videos.search': 'YouTube’da qidirish: {title}',
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
};
