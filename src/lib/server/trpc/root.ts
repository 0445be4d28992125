import { accountsRouter } from './routers/accounts';
import { authRouter } from './routers/auth';
import { syncRouter } from './routers/sync';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
	auth: authRouter,
	accounts: accountsRouter,
	sync: syncRouter
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
