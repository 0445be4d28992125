/**
 * tus 1.0.0's HTTP framing for the uploads endpoints: the version every answer but OPTIONS'
 * names, the capabilities OPTIONS lists, and refusals as JSON `{ "error": key }`.
 */
import { json } from '@sveltejs/kit';
import { TUS_EXTENSIONS, TUS_VERSION } from '$lib/domain/inspection/photoUpload';
import { PHOTO_MAX_BYTES } from '$lib/domain/inspection/workOrders';
import { UploadRefused } from '../services/photos/uploadRefused';

export const TUS_HEADERS = { 'Tus-Resumable': TUS_VERSION } as const;

/** A client speaking another tus version is refused before anything happens (412). */
export function assertTusVersion(request: Request): void {
	if (request.headers.get('Tus-Resumable') !== TUS_VERSION)
		throw new UploadRefused('unsupported_version');
}

/** OPTIONS: what this server speaks; no session needed, nothing read. */
export function tusOptions(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			'Tus-Version': TUS_VERSION,
			'Tus-Extension': TUS_EXTENSIONS,
			'Tus-Max-Size': String(PHOTO_MAX_BYTES)
		}
	});
}

/** `fn`'s answer, or its refusal as tus and the phone's messages want it. */
export async function answeringRefusals(fn: () => Promise<Response>): Promise<Response> {
	try {
		return await fn();
	} catch (error) {
		if (!(error instanceof UploadRefused)) throw error;
		const headers: Record<string, string> = { ...TUS_HEADERS };
		if (error.code === 'unsupported_version') headers['Tus-Version'] = TUS_VERSION;
		return json({ error: error.reason }, { status: error.status, headers });
	}
}
