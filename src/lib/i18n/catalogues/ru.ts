import { ru as core } from '../messages/ru';
import { ru as accounts } from '../messages/accounts/ru';
import { ru as consumption } from '../messages/consumption/ru';
import { ru as help } from '../messages/help/ru';
import { ru as passwordReset } from '../messages/passwordReset/ru';
import { ru as history } from '../messages/history/ru';
import { ru as settings } from '../messages/settings/ru';
import { ru as signin } from '../messages/signin/ru';
import { ru as sandbox } from '../messages/sandbox/ru';
import { ru as inspector } from '../messages/inspector/ru';
import { ru as office } from '../messages/office/ru';
import { ru as officeTools } from '../messages/officeTools/ru';
import { ru as topup } from '../messages/topup/ru';
import { ru as photos } from '../messages/photos/ru';
import { ru as sandboxClickUpay } from '../messages/sandboxClickUpay/ru';

/** Every message in ru: one chunk, loaded only when ru is the language in use. */
export const catalogue = {
	...core,
	...accounts,
	...consumption,
	...help,
	...passwordReset,
	...history,
	...settings,
	...signin,
	...sandbox,
	...inspector,
	...office,
	...sandboxClickUpay,
	...topup,
	...photos,
	...officeTools
};
