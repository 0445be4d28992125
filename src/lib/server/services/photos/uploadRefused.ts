/**
 * Why an upload request is refused: the HTTP status tus gives it and the message key the JSON
 * body carries (`{ "error": key }`), translated in every catalogue (messages/photos/).
 */
export const UPLOAD_REFUSALS = {
	signed_out: { status: 401, reason: 'error.signed_out' },
	forbidden: { status: 403, reason: 'error.forbidden' },
	missing: { status: 404, reason: 'error.photo_missing' },
	bad_request: { status: 400, reason: 'error.invalid_input' },
	bad_hash: { status: 400, reason: 'error.photo_hash' },
	bad_length: { status: 400, reason: 'error.photo_length' },
	wrong_offset: { status: 409, reason: 'error.photo_offset' },
	unsupported_version: { status: 412, reason: 'error.invalid_input' },
	too_big: { status: 413, reason: 'error.photo_too_big' },
	not_a_photo: { status: 415, reason: 'error.photo_type' },
	chunk_type: { status: 415, reason: 'error.invalid_input' },
	checksum_mismatch: { status: 460, reason: 'error.photo_checksum' }
} as const;
export type UploadRefusalCode = keyof typeof UPLOAD_REFUSALS;

export class UploadRefused extends Error {
	readonly status: number;
	readonly reason: string;

	constructor(readonly code: UploadRefusalCode) {
		super(UPLOAD_REFUSALS[code].reason);
		this.status = UPLOAD_REFUSALS[code].status;
		this.reason = UPLOAD_REFUSALS[code].reason;
	}
}
