// Inspectors' photos: why one was refused (on the phone or by the server), and how far it got.
export const en = {
	'error.photo_not_image':
		'This file is not a photo. Take a picture or choose one from the gallery.',
	'error.photo_too_big': 'The photo is too big to upload: at most 2 MB.',
	'error.photo_hash': 'The photo was not named by its SHA-256 hash, so the server cannot take it.',
	'error.photo_checksum': 'The photo arrived damaged (its hash does not match). It is sent again.',
	'error.photo_offset':
		'The upload got out of step with the server; it continues from where the server is.',
	'error.photo_length': 'More of the photo arrived than was announced.',
	'error.photo_missing': 'This photo is not on the server.',
	'photos.state.pending': 'Waiting to upload',
	'photos.state.uploaded': 'Uploaded',
	'photos.state.refused': 'Not accepted by the server'
};
