/** crm.zoho.<dc> / crmsandbox.zoho.<dc>: placeholder until the CRM pages land. */
import type { Dataset } from '../generate/model';
import { textReply, type Reply } from '../reply';

export interface CrmRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
}

export interface CrmOptions {
  renderDelayMs: number;
}

export function handleCrm(_dataset: Dataset, req: CrmRequest, _options: CrmOptions): Reply {
  return textReply(200, `<!doctype html><title>Zoho CRM</title><div id="crmNextGenTopMenu"></div><p>${req.path.replace(/</g, '&lt;')}</p>`, 'text/html; charset=utf-8');
}
