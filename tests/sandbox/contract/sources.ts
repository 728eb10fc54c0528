/**
 * Where every contract row comes from: Zoho's own OpenAPI files on GitHub. The Desk files
 * (`zoho/zohodesk-oas`, folder `v1.0/`) exist in five stored versions, oldest to newest
 * 83b5c18 → daf0ee6 → bc1833e → 3f7016e → 75e1ba5; the CRM file is `zoho/crm-oas`.
 */

export const DESK_OAS = 'zoho/zohodesk-oas';
export const CRM_OAS = 'zoho/crm-oas';

/** Full commit ids of the stored versions, oldest first. */
export const DESK_COMMITS = {
  '83b5c18': '83b5c18947ef54052eb83d221ff54c2ee5a65e52',
  daf0ee6: 'daf0ee6e233fafa0b2346b3cd321f012d25241be',
  bc1833e: 'bc1833e2a0c3478166cf996c23a91690f0f54419',
  '3f7016e': '3f7016e321b5d45b7aa49fdf2b3ecf1547e8506c',
  '75e1ba5': '75e1ba570236a06c964d05759dbabd7497248d09',
} as const;
export type DeskCommit = keyof typeof DESK_COMMITS;

export const CRM_COMMIT = '45dff2cc9c69403c85b8a3642e7056528dc668d5';

export interface SpecSource {
  repo: typeof DESK_OAS | typeof CRM_OAS;
  /** Path inside the repository, e.g. `v1.0/Search.json`. */
  file: string;
  /** Full commit id. */
  commit: string;
  /** The operation or component the fact was read from. */
  at: string;
}

export const desk = (file: string, commit: DeskCommit, at: string): SpecSource => ({
  repo: DESK_OAS,
  file: `v1.0/${file}`,
  commit: DESK_COMMITS[commit],
  at,
});

export const crm = (file: string, at: string): SpecSource => ({ repo: CRM_OAS, file, commit: CRM_COMMIT, at });
