/** What the receiving endpoint answered to one webhook delivery. */
export interface WebhookDelivery {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  responseBody: string;
}

/** POSTs exactly these bytes with exactly these headers (signatures are over the raw body). */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<WebhookDelivery> {
  const response = await fetch(url, { method: 'POST', body, headers });
  return { url, status: response.status, headers, body, responseBody: await response.text() };
}
