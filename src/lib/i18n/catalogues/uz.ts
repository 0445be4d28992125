import { uz as core } from '../messages/uz';
import { uz as accounts } from '../messages/accounts/uz';
import { uz as consumption } from '../messages/consumption/uz';
import { uz as help } from '../messages/help/uz';
import { uz as passwordReset } from '../messages/passwordReset/uz';
import { uz as history } from '../messages/history/uz';
import { uz as settings } from '../messages/settings/uz';
import { uz as signin } from '../messages/signin/uz';
import { uz as sandbox } from '../messages/sandbox/uz';
import { uz as inspector } from '../messages/inspector/uz';
import { uz as office } from '../messages/office/uz';
import { uz as officeTools } from '../messages/officeTools/uz';
import { uz as topup } from '../messages/topup/uz';
import { uz as photos } from '../messages/photos/uz';
import { uz as sandboxClickUpay } from '../messages/sandboxClickUpay/uz';

/** Every message in uz: one chunk, loaded only when uz is the language in use. */
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
