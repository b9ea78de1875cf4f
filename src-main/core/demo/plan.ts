// What the demo workspace holds: three fictional companies, each with its own look and a
// handful of real public APIs (see resources/demo/SOURCES.md). The mix of lifecycle states,
// visibilities and tiers is deliberate: every storefront rule has something to show.
import type { ApiSummary, BrandingPatch } from '../../../src-shared/model.js';
import { GEOCODER_DOCS, PAYMENTS_DOCS, type DemoDoc } from './docs.js';

export type DemoApi = {
  // A file in resources/demo/apis/.
  file: string;
  name: string;
  context: string;
  version: string;
  lifecycle: ApiSummary['lifecycle'];
  visibility: ApiSummary['visibility'];
  tiers: string[];
  tags: string[];
  // Roles a restricted API is shown to.
  visibleRoles?: string[];
  // Other tenants whose users may subscribe (public APIs only, as in WSO2).
  availableTo?: 'all-tenants' | string[];
  // Guides shown beside the reference in the storefront.
  docs?: DemoDoc[];
};

export type DemoMember = { username: string; roles: string[] };

export type DemoTenant = {
  domain: string;
  name: string;
  description: string;
  // Direction may be left out: the demo storefronts read left to right.
  branding: Omit<Required<BrandingPatch>, 'direction'> & BrandingPatch;
  // Files in resources/demo/branding/.
  logo: string;
  favicon: string;
  // Roles first, then members holding them: the storefront "view as" has someone to be.
  roles: string[];
  members: DemoMember[];
  apis: DemoApi[];
};

const ALL_TIERS = ['Bronze', 'Silver', 'Gold', 'Unlimited'];
const PREMIUM_TIERS = ['Gold', 'Unlimited'];

const published = { lifecycle: 'published', visibility: 'public' } as const;

const ACME: DemoTenant = {
  domain: 'acme.com',
  name: 'Acme Logistics',
  description: 'Freight, parcels and travel data for partners and carriers.',
  branding: {
    primaryColor: '#1d4ed8',
    accentColor: '#f97316',
    backgroundColor: '#ffffff',
    textColor: '#0f172a',
    heroTitle: 'Move anything, anywhere',
    heroText:
      'Maps, geocoding, shipping labels and live travel data: the APIs behind every Acme ' +
      'delivery, ready for your own apps.',
    footerText: '© Acme Logistics. Partner support: carriers@acme.com',
    footerLinks: [
      { label: 'Carrier support', url: 'mailto:carriers@acme.com' },
      { label: 'Service status', url: 'https://status.acme.com/' },
      { label: 'Terms of use', url: 'https://www.acme.com/legal/api-terms' },
    ],
    theme: 'light',
    fontFamily: '"Inter", "Helvetica Neue", Arial, sans-serif',
    customCss: '',
  },
  logo: 'acme-logo.svg',
  favicon: 'acme-favicon.svg',
  roles: ['partner', 'carrier'],
  members: [
    { username: 'rita@acme.com', roles: [] },
    { username: 'carlos@carrier.example', roles: ['carrier', 'partner'] },
  ],
  apis: [
    {
      file: 'tomtom.com-maps.json',
      name: 'Maps and Tiles',
      context: '/maps',
      version: 'v1',
      ...published,
      tiers: ALL_TIERS,
      tags: ['maps', 'tiles'],
    },
    {
      file: 'ebay.com-sell-logistics.json',
      name: 'Shipping Labels',
      context: '/shipments',
      version: 'v1',
      ...published,
      tiers: ['Silver', 'Gold', 'Unlimited'],
      tags: ['shipping', 'labels'],
    },
    {
      file: 'gov.bc.ca-geocoder.json',
      name: 'Address Geocoder',
      context: '/geocoder',
      version: 'v2',
      ...published,
      // Offered across the workspace: a globex.io user sees and subscribes to it.
      availableTo: 'all-tenants',
      tiers: ALL_TIERS,
      tags: ['geocoding', 'addresses'],
      docs: GEOCODER_DOCS,
    },
    {
      file: 'amadeus.com-amadeus-on-demand-flight-status.json',
      name: 'Flight Status',
      context: '/flight-status',
      version: 'v2',
      lifecycle: 'prototyped',
      visibility: 'public',
      tiers: ['Bronze', 'Silver'],
      tags: ['travel', 'flights'],
    },
    {
      file: 'transitfeeds.com.json',
      name: 'Transit Feeds',
      context: '/transit-feeds',
      version: 'v1',
      lifecycle: 'deprecated',
      visibility: 'public',
      tiers: ALL_TIERS,
      tags: ['transit', 'gtfs'],
    },
  ],
};

const GLOBEX: DemoTenant = {
  domain: 'globex.io',
  name: 'Globex Financial',
  description: 'Payments, banking and currency services for fintech partners.',
  branding: {
    primaryColor: '#10b981',
    accentColor: '#fbbf24',
    backgroundColor: '#0b1410',
    textColor: '#e7f5ee',
    heroTitle: 'Money APIs you can bank on',
    heroText:
      'Take card payments, check IBANs and funds, and convert currencies at settlement ' +
      'rates, all behind one Globex key.',
    footerText: '© Globex Financial. Regulated partner access on request.',
    footerLinks: [
      { label: 'Partner onboarding', url: 'mailto:partners@globex.io' },
      { label: 'Security', url: 'https://globex.io/security' },
    ],
    theme: 'dark',
    fontFamily: '"IBM Plex Sans", "Source Sans 3", "Segoe UI", sans-serif',
    customCss: '',
  },
  logo: 'globex-logo.svg',
  favicon: 'globex-favicon.svg',
  roles: ['partner', 'internal'],
  members: [
    { username: 'lee@globex.io', roles: ['internal'] },
    { username: 'sam@fintech-partner.example', roles: ['partner'] },
  ],
  apis: [
    {
      file: 'payments.service.gov.uk-payments.json',
      name: 'Card Payments',
      context: '/payments',
      version: 'v1',
      ...published,
      // The premium API: offered to high-volume subscribers only.
      tiers: PREMIUM_TIERS,
      tags: ['payments', 'cards'],
      docs: PAYMENTS_DOCS,
    },
    {
      file: 'mastercard.com-CurrencyConversionCalculator.json',
      name: 'Settlement Currency Rates',
      context: '/fx-rates',
      version: 'v1',
      ...published,
      // Offered to one other tenant only: acme.com users may subscribe, initech.dev's not.
      availableTo: ['acme.com'],
      tiers: ALL_TIERS,
      tags: ['currency', 'fx'],
    },
    {
      file: 'ibanapi.com.json',
      name: 'IBAN Validation',
      context: '/iban',
      version: 'v1',
      ...published,
      tiers: ALL_TIERS,
      tags: ['banking', 'iban'],
    },
    {
      file: 'openbanking.org.uk-confirmation-funds-openapi.json',
      name: 'Confirmation of Funds',
      context: '/funds-confirmation',
      version: 'v3',
      lifecycle: 'published',
      // Partner-only: anonymous visitors and plain members do not see it.
      visibility: 'restricted',
      visibleRoles: ['partner'],
      tiers: ['Silver', 'Gold', 'Unlimited'],
      tags: ['open-banking', 'accounts'],
    },
    {
      file: 'adyen.com-BinLookupService.json',
      name: 'Card BIN Lookup',
      context: '/card-bin',
      version: 'v54',
      lifecycle: 'blocked',
      visibility: 'public',
      tiers: PREMIUM_TIERS,
      tags: ['cards', 'risk'],
    },
    {
      file: 'vatapi.com.json',
      name: 'VAT Rates',
      context: '/vat',
      version: 'v1',
      lifecycle: 'retired',
      visibility: 'public',
      tiers: ALL_TIERS,
      tags: ['tax', 'vat'],
    },
  ],
};

const INITECH: DemoTenant = {
  domain: 'initech.dev',
  name: 'Initech Developer Cloud',
  description: 'Building blocks for developers: content, media, documents and containers.',
  branding: {
    primaryColor: '#7c3aed',
    accentColor: '#14b8a6',
    backgroundColor: '#faf7ff',
    textColor: '#1e1b2e',
    heroTitle: 'Ship faster with Initech',
    heroText:
      'Charts, PDFs, translations, community content and a container registry: APIs that ' +
      'save your team a sprint.',
    footerText: '© Initech Developer Cloud. Status, changelog and SDKs on our docs site.',
    footerLinks: [
      { label: 'Status', url: 'https://status.initech.dev/' },
      { label: 'Changelog', url: 'https://initech.dev/changelog' },
      { label: 'SDKs', url: 'https://initech.dev/sdks' },
    ],
    theme: 'light',
    fontFamily: '"Space Grotesk", "Segoe UI", system-ui, sans-serif',
    customCss: '',
  },
  logo: 'initech-logo.svg',
  favicon: 'initech-favicon.svg',
  roles: ['internal'],
  members: [{ username: 'ada@initech.dev', roles: ['internal'] }],
  apis: [
    {
      file: 'image-charts.com.json',
      name: 'Chart Images',
      context: '/charts',
      version: 'v6',
      ...published,
      tiers: ALL_TIERS,
      tags: ['charts', 'images'],
    },
    {
      file: 'api2pdf.com.json',
      name: 'PDF Rendering',
      context: '/pdf',
      version: 'v1',
      ...published,
      tiers: ['Bronze', 'Silver', 'Gold'],
      tags: ['pdf', 'documents'],
    },
    {
      file: 'dev.to.json',
      name: 'Community Articles',
      context: '/community',
      version: 'v1',
      ...published,
      tiers: ALL_TIERS,
      tags: ['content', 'community'],
    },
    {
      file: 'docker.com-hub.json',
      name: 'Container Registry',
      context: '/registry',
      version: 'v1',
      lifecycle: 'published',
      visibility: 'private',
      tiers: ['Gold', 'Unlimited'],
      tags: ['containers', 'registry'],
    },
    {
      file: 'libretranslate.local.json',
      name: 'Text Translation',
      context: '/translate',
      version: 'v1',
      lifecycle: 'created',
      visibility: 'public',
      tiers: ALL_TIERS,
      tags: ['translation', 'language'],
    },
  ],
};

export const DEMO_TENANTS: readonly DemoTenant[] = [ACME, GLOBEX, INITECH];
