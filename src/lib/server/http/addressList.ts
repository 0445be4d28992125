import { BlockList, isIP } from 'node:net';

/**
 * A list of addresses and CIDR ranges from configuration (e.g. PAYME_ALLOWED_IPS,
 * `185.234.113.0/28, 10.0.0.5`), as a matcher. Throws on an entry that is neither, naming it and
 * the variable, so a typo fails loudly instead of letting everyone in or no one.
 */
export function parseAddressList(variable: string, text: string): (address: string) => boolean {
	const list = new BlockList();
	for (const raw of text.split(',')) {
		const entry = raw.trim();
		if (!entry) continue;
		const [address, bits, extra] = entry.split('/');
		const family = isIP(address);
		const prefix = bits === undefined ? undefined : Number(bits);
		const max = family === 4 ? 32 : 128;
		if (
			family === 0 ||
			extra !== undefined ||
			(prefix !== undefined && (!/^\d{1,3}$/.test(bits!) || prefix > max))
		)
			throw new Error(`${variable}: "${entry}" is not an IP address or CIDR range`);
		const type = family === 4 ? 'ipv4' : 'ipv6';
		if (prefix === undefined) list.addAddress(address, type);
		else list.addSubnet(address, prefix, type);
	}
	return (address) => {
		// An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
		const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
		const family = isIP(plain);
		return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
	};
}
