// The inspector's photos on the phone: taken in (shrunk, hashed, kept in IndexedDB), shown, and
// uploaded on their own over tus. See README.md.
export { addPhoto, discardPhoto, photoObjectUrl, type AddPhotoOptions } from './photoStore';
export { startPhotoUploads, type PhotoUploads, type PhotoUploadOptions } from './photoUploader';
export { NOT_AN_IMAGE } from './shrinkPhoto';
export type { PhotoRow, PhotoState, StoredPhoto } from './photoRow';
