import { uzCyrl as core } from '../messages/uzCyrl';
import { uzCyrl as accounts } from '../messages/accounts/uzCyrl';
import { uzCyrl as consumption } from '../messages/consumption/uzCyrl';
import { uzCyrl as help } from '../messages/help/uzCyrl';
import { uzCyrl as passwordReset } from '../messages/passwordReset/uzCyrl';
import { uzCyrl as history } from '../messages/history/uzCyrl';
import { uzCyrl as settings } from '../messages/settings/uzCyrl';
import { uzCyrl as signin } from '../messages/signin/uzCyrl';
import { uzCyrl as sandbox } from '../messages/sandbox/uzCyrl';
import { uzCyrl as inspector } from '../messages/inspector/uzCyrl';
import { uzCyrl as office } from '../messages/office/uzCyrl';
import { uzCyrl as officeTools } from '../messages/officeTools/uzCyrl';
import { uzCyrl as topup } from '../messages/topup/uzCyrl';
import { uzCyrl as photos } from '../messages/photos/uzCyrl';
import { uzCyrl as sandboxClickUpay } from '../messages/sandboxClickUpay/uzCyrl';

/** Every message in uz-Cyrl: one chunk, loaded only when uz-Cyrl is the language in use. */
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
