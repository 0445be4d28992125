import type { ImportEdge } from './importGraph';
import { FENCES, PACKAGES, PARTS, type Part } from './parts';

export function partOf(file: string): Part | null {
	return PARTS.find((p) => p.files.test(file))?.part ?? null;
}

function packageOf(specifier: string): string | null {
	return PACKAGES.find((p) => p.specifiers.test(specifier))?.name ?? null;
}

/** Every import the fences forbid, as "from → to (why)". */
export function forbiddenImports(edges: readonly ImportEdge[]): string[] {
	const found: string[] = [];
	for (const edge of edges) {
		const from = partOf(edge.from);
		if (!from) continue;
		const toPart = edge.to.startsWith('src/') ? partOf(edge.to) : null;
		const toPackage = edge.to.startsWith('src/') ? null : packageOf(edge.to);
		for (const fence of FENCES) {
			if (!fence.from.includes(from) || (edge.typeOnly && fence.typesAllowed)) continue;
			const hit =
				(toPart !== null && fence.parts?.includes(toPart)) ||
				(fence.files?.test(edge.to) ?? false) ||
				(toPackage !== null && fence.packages?.includes(toPackage));
			if (hit) found.push(`${edge.from} → ${edge.to} (${fence.why})`);
		}
	}
	return found;
}
