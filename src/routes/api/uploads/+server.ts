import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { serverNow } from '$lib/server/clock';
import { parseUploadMetadata, uploadPath } from '$lib/domain/inspection/photoUpload';
import { answeringRefusals, assertTusVersion, TUS_HEADERS, tusOptions } from '$lib/server/http/tus';
import { assertUploader, createUpload } from '$lib/server/services/photos/photoUploads';
import { UploadRefused } from '$lib/server/services/photos/uploadRefused';

/**
 * tus creation for inspectors' photos: `Upload-Length` and `Upload-Metadata: sha256 …,filetype
 * …` announce one; the answer's Location is where its bytes go (PATCH) and where it is read
 * (GET). See src/lib/server/services/photos/README.md.
 */
export const POST: RequestHandler = ({ request, locals }) =>
	answeringRefusals(async () => {
		assertUploader(locals.user);
		assertTusVersion(request);
		const metadata = parseUploadMetadata(request.headers.get('Upload-Metadata'));
		if (!metadata) throw new UploadRefused('bad_request');
		const sha256 = metadata.get('sha256');
		const { offset } = await createUpload(
			getDb(),
			locals.user,
			{
				sha256,
				type: metadata.get('filetype'),
				lengthHeader: request.headers.get('Upload-Length')
			},
			serverNow()
		);
		return new Response(null, {
			status: 201,
			headers: {
				...TUS_HEADERS,
				Location: uploadPath(sha256 ?? ''),
				'Upload-Offset': String(offset)
			}
		});
	});

export const OPTIONS: RequestHandler = () => tusOptions();
