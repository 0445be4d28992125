import { OneIdStandIn } from './standIn';
import { DEMO_ONEID_CLIENT, DEMO_ONEID_PEOPLE } from '../../seed/oneidPeople';
import { serverNow } from '../../clock';

let standIn: OneIdStandIn | undefined;

/**
 * The demo's one stand-in, made on first use: its codes and tokens live in this process, which is
 * also the one that exchanges them. It trusts the client the environment names (npm start sets
 * the demo's), so that a demo pointed at it with other credentials still signs in.
 */
export function demoOneIdStandIn(): OneIdStandIn {
	standIn ??= new OneIdStandIn(
		DEMO_ONEID_PEOPLE,
		{
			clientId: process.env.ONEID_CLIENT_ID || DEMO_ONEID_CLIENT.clientId,
			clientSecret: process.env.ONEID_CLIENT_SECRET || DEMO_ONEID_CLIENT.clientSecret
		},
		serverNow
	);
	return standIn;
}
