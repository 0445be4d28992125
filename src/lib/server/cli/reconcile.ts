// `npm run payments:reconcile -- --operator payme --date YYYY-MM-DD [--json] [--statement FILE]
// [--url URL]`: Tok's transactions of an operator for one Tashkent day beside the operator's
// statement of that day, and every difference (missing on either side, amount, state or account
// differs). The statement is read from FILE in the operator's format (Payme: a GetStatement
// answer); without --statement it is asked over HTTP from the GetStatement at URL (default
// http://localhost:3000, Basic key PAYME_KEY or the demo's): in the demo that is Tok's own
// endpoint standing in for Payme. Exits 0 when both sides agree, 1 on a difference, 2 on bad
// arguments or an unreadable statement.
import { reconcileCommand } from './reconcileCommand';

process.exitCode = await reconcileCommand(process.argv.slice(2), {
	log: (line) => console.log(line),
	error: (line) => console.error(line)
});
