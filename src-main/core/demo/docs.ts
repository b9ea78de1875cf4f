// Guides the demo attaches to a few APIs, so a storefront shows documents beside the
// reference. Written for the demo; the paths and headers match the demo's definitions and
// how Marquee publishes them (see publish/).
export type DemoDoc = { slug: string; title: string; markdown: string };

export const GEOCODER_DOCS: DemoDoc[] = [
  {
    slug: 'getting-started',
    title: 'Getting started',
    markdown: `Turn a free-form address into coordinates in three steps.

1. **Subscribe** an application to *Address Geocoder* with any plan. Bronze is plenty for
   trying it out.
2. **Copy the key** shown when the application is created. It is shown once.
3. **Call the API** through the gateway, sending the key in the \`apikey\` header:

\`\`\`sh
curl -G -H "apikey: $ACME_KEY" \\
  --data-urlencode "addressString=525 Superior St, Victoria" \\
  https://api.acme.com/t/acme.com/geocoder/v2/addresses.json
\`\`\`

The answer is a GeoJSON feature collection. The best match comes first, with a
\`score\` from 0 to 100 and the \`matchPrecision\` (civic number, block, street, locality).

## Choosing an output format

The last path segment picks the format: \`.json\` (GeoJSON), \`.geojsonp\`, \`.xhtml\`,
\`.kml\`, \`.csv\` or \`.shp\`. Use JSON unless a GIS tool wants something else.

## Good to know

- Send the address as one string; the geocoder splits it into parts for you.
- Ask for \`maxResults=5\` when a person will pick from a list.
- Results below a score of 70 are worth confirming with the user.
`,
  },
  {
    slug: 'rate-limits',
    title: 'Rate limits and errors',
    markdown: `Every plan sets how many requests an application may make per minute; see the
Plans page for the numbers.

| Status | Meaning | What to do |
|---|---|---|
| 401 | The \`apikey\` header is missing or unknown | Check the key of your application |
| 403 | Your application is not subscribed to this API | Subscribe it first |
| 429 | The plan's rate limit was reached | Wait for the \`Retry-After\` seconds, then retry |
| 5xx | The geocoder is unavailable | Retry with backoff; results can be cached |

Geocoding the same address twice gives the same answer, so cache results on your side:
it saves requests and makes your app faster.
`,
  },
];

export const PAYMENTS_DOCS: DemoDoc[] = [
  {
    slug: 'authentication',
    title: 'Authentication',
    markdown: `Card Payments is offered on the **Gold** and **Unlimited** plans only.

Calls carry two credentials:

- the gateway key of your Globex application in the \`apikey\` header, which lets the call
  through the gateway and counts it against your plan;
- your service's payments key in the \`Authorization\` header as \`Bearer <key>\`, which
  the payments backend checks.

\`\`\`http
POST /t/globex.io/payments/v1/v1/payments HTTP/1.1
apikey: <gateway key>
Authorization: Bearer <payments key>
Content-Type: application/json

{ "amount": 1450, "reference": "INV-2041", "description": "Annual licence",
  "return_url": "https://shop.example/return" }
\`\`\`

> Keep both keys on your server. Never ship them in a browser or mobile app.

Use sandbox keys while you build: they take test card numbers and move no money.
`,
  },
  {
    slug: 'payment-lifecycle',
    title: 'Payment lifecycle',
    markdown: `A payment moves through these states:

1. \`created\`: you created it and sent the payer to its \`next_url\`.
2. \`started\` and \`submitted\`: the payer is entering card details.
3. \`success\`, \`failed\`, \`cancelled\` or \`error\`: the end states.

Check the final state with \`GET /v1/payments/{paymentId}\` when the payer comes back to
your \`return_url\`; do not trust the redirect alone.

Refunds are made with \`POST /v1/payments/{paymentId}/refunds\` and can be partial. List
a payment's history with \`GET /v1/payments/{paymentId}/events\`.
`,
  },
];
