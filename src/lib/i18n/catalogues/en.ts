import { en as core } from '../messages/en';
import { en as accounts } from '../messages/accounts/en';
import { en as consumption } from '../messages/consumption/en';
import { en as help } from '../messages/help/en';
import { en as passwordReset } from '../messages/passwordReset/en';
import { en as history } from '../messages/history/en';
import { en as settings } from '../messages/settings/en';
import { en as signin } from '../messages/signin/en';
import { en as sandbox } from '../messages/sandbox/en';
import { en as inspector } from '../messages/inspector/en';
import { en as office } from '../messages/office/en';
import { en as officeTools } from '../messages/officeTools/en';
import { en as topup } from '../messages/topup/en';
import { en as photos } from '../messages/photos/en';
import { en as sandboxClickUpay } from '../messages/sandboxClickUpay/en';

/** Every message in en: one chunk, loaded only when en is the language in use. */
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
