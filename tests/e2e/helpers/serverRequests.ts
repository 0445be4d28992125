import { serverDb } from './app';

export interface ServerRequest {
	id: string;
	note: string;
	status: string;
	accountNumber: string;
}

export interface ServerCommand {
	id: string;
	deviceId: string;
	seq: number;
	kind: string;
	status: 'applied' | 'refused';
	/** The request the command created or cancelled (from its stored result). */
	requestId: string | null;
}

/** The server's service requests with these notes, as many rows as there are (0, 1, 2 …). */
export function serverRequestsWithNotes(notes: string[], dataDir?: string): ServerRequest[] {
	const db = serverDb(dataDir);
	try {
		return db
			.prepare(
				`select r.id, r.note, r.status, a.number as accountNumber
				   from service_requests r join accounts a on a.id = r.account_id
				  where r.note in (select value from json_each(?))
				  order by r.created_at_ms, r.id`
			)
			.all(JSON.stringify(notes)) as ServerRequest[];
	} finally {
		db.close();
	}
}

/** Every command the server recorded that created or changed one of these requests, by seq. */
export function serverCommandsFor(requestIds: string[], dataDir?: string): ServerCommand[] {
	const db = serverDb(dataDir);
	try {
		return db
			.prepare(
				`select id, device_id as deviceId, seq, kind, status,
				        json_extract(result_json, '$.requestId') as requestId
				   from sync_commands
				  where json_extract(result_json, '$.requestId') in (select value from json_each(?))
				  order by device_id, seq`
			)
			.all(JSON.stringify(requestIds)) as ServerCommand[];
	} finally {
		db.close();
	}
}

/** Every command the server recorded from one device (browser profile), by seq. */
export function serverCommandsOfDevice(deviceId: string, dataDir?: string): ServerCommand[] {
	const db = serverDb(dataDir);
	try {
		return db
			.prepare(
				`select id, device_id as deviceId, seq, kind, status,
				        json_extract(result_json, '$.requestId') as requestId
				   from sync_commands where device_id = ? order by seq`
			)
			.all(deviceId) as ServerCommand[];
	} finally {
		db.close();
	}
}
