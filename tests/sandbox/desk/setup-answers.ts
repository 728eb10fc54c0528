/** The setup answers: /organizations (each portal with its own typing), the agent, departments, ticket fields. */
import { PORTALS } from '../fixtures';
import type { DeskTicket, PortalKey, PortalStore } from '../generate/model';
import { EN_PRIORITIES, EN_STATUS, JA_PRIORITIES, JA_STATUS } from '../generate/pools';
import type { KeyAccess } from './access';
import type { Bag } from './shape';

/** Where each portal's company sits: its currency, country and the agents' language. */
const LOCALES: Record<PortalKey, { currency: [code: string, symbol: string, locale: string]; country: string; lang: string; cc: string }> =
  {
    A: { currency: ['USD', '$', 'en_US'], country: 'United States', lang: 'en_US', cc: 'us' },
    B: { currency: ['JPY', '¥', 'ja_JP'], country: 'Japan', lang: 'ja_JP', cc: 'jp' },
    C: { currency: ['USD', '$', 'en_US'], country: 'United States', lang: 'en_US', cc: 'us' },
    E: { currency: ['EUR', '€', 'de_DE'], country: 'Germany', lang: 'de_DE', cc: 'de' },
    U: { currency: ['GBP', '£', 'en_GB'], country: 'United Kingdom', lang: 'en_GB', cc: 'gb' },
  };

/** /organizations: A as strings (`"true"`, `"10"`), B with a numeric id and real booleans, C, E and U mixed. */
export function organizationJson(key: PortalKey, access: KeyAccess) {
  const p = PORTALS[key];
  const [currencyCode, currencySymbol, currencyLocale] = LOCALES[key].currency;
  const common = {
    companyName: p.companyName,
    portalName: p.portalName,
    alias: null,
    description: null,
    timeZone: p.timeZone,
    edition: p.edition,
    isAdminInOrg: access.isAdmin,
    currencyCode,
    currencySymbol,
    currencyLocale,
    primaryContact: access.email,
    portalURL: `https://support.${p.portalName}.example/support/${p.portalName}/ShowHomePage.do`,
    logoURL: null,
    faviconURL: null,
    phoneNumber: null,
    mobile: null,
    fax: null,
    website: null,
    street: null,
    city: null,
    state: null,
    country: LOCALES[key].country,
    zip: null,
  };
  if (key === 'A')
    return { id: p.id, isDefault: 'true', isSandboxPortal: 'false', isPayloadEncryptionEnabled: 'false', employeeCount: '10', ...common };
  if (key === 'B')
    return { id: Number(p.id), isDefault: false, isSandboxPortal: false, isPayloadEncryptionEnabled: false, employeeCount: 250, ...common };
  return {
    id: p.id,
    isDefault: key === 'E' || key === 'U' ? 'true' : 'false',
    isSandboxPortal: false,
    isPayloadEncryptionEnabled: 'false',
    employeeCount: 40,
    ...common,
  };
}

export function myInfoBag(store: PortalStore, portal: PortalKey, access: KeyAccess): Bag {
  const agent = store.agents.find((a) => a.emailId.toLowerCase() === access.email.toLowerCase());
  return {
    id: agent?.id ?? store.idPrefix + '499999999',
    firstName: access.firstName,
    lastName: access.lastName,
    name: `${access.firstName} ${access.lastName}`,
    emailId: access.email,
    zuid: agent?.zuid ?? '700000001',
    roleId: store.idPrefix + '700000001',
    profileId: store.idPrefix + '800000001',
    rolePermissionType: access.role ?? (access.isAdmin ? 'Admin' : 'AgentPublic'),
    status: 'ACTIVE',
    isConfirmed: true,
    langCode: LOCALES[portal].lang,
    countryCode: LOCALES[portal].cc,
    timeZone: PORTALS[portal].timeZone,
    associatedDepartmentIds: store.departments.map((d) => d.id),
    associatedChatDepartmentIds: [],
    photoURL: null,
    phone: null,
    mobile: null,
    extn: null,
    aboutInfo: null,
    channelExpert: [],
  };
}

export function departmentBag(store: PortalStore, d: PortalStore['departments'][number]): Bag {
  return {
    id: d.id,
    name: d.name,
    nameInCustomerPortal: d.name,
    description: null,
    isEnabled: true,
    isDefault: d.isDefault,
    isVisibleInCustomerPortal: true,
    isAssignToTeamEnabled: false,
    chatStatus: 'NOT_CREATED',
    hasLogo: false,
    creatorId: store.agents[0]?.id ?? null,
    createdTime: Date.UTC(2024, 0, 15, 9),
    sanitizedName: d.name.toLowerCase().replace(/\s+/g, '-'),
  };
}

/** The channel picklist of every portal's ticket fields: the channels a new ticket may name. */
export const TICKET_CHANNELS = ['Email', 'Phone', 'Web', 'Chat', 'Forums'] as const;

/** The ticket fields whose picklists the new-ticket form offers. */
export function ticketFieldBags(store: PortalStore, withStatusType: boolean): Bag[] {
  const japanese = store.key === 'B';
  const labels = japanese ? JA_STATUS : EN_STATUS;
  const pick = (apiName: string, n: number, values: Bag[]) => ({
    id: `${store.idPrefix}9000000${n}`,
    apiName,
    displayLabel: apiName[0]!.toUpperCase() + apiName.slice(1),
    type: 'Picklist',
    isCustomField: false,
    isMandatory: apiName === 'status',
    allowedValues: values,
  });
  const status = (['Open', 'On Hold', 'Escalated', 'Closed'] as const).map((type) => ({
    value: labels[type],
    ...(withStatusType ? { statusType: type === 'Escalated' ? 'Open' : type } : {}),
  }));
  return [
    pick('status', 1, status),
    pick(
      'priority',
      2,
      (japanese ? JA_PRIORITIES : EN_PRIORITIES).map((value) => ({ value })),
    ),
    pick(
      'channel',
      3,
      TICKET_CHANNELS.map((value) => ({ value })),
    ),
  ];
}

/** A ticket's latest thread: the customer's message, from the ticket's description. */
export function latestThreadBag(store: PortalStore, t: DeskTicket, plainText: boolean): Bag {
  const contact = t.contactId ? store.contactById.get(t.contactId) : undefined;
  const text = t.description.replace(/<[^>]*>/g, '');
  return {
    id: t.id.slice(0, 10) + '7' + t.id.slice(11),
    summary: text.slice(0, 100),
    content: t.description,
    contentType: 'text/html',
    ...(plainText ? { plainText: text } : {}),
    isContentTruncated: false,
    direction: 'in',
    channel: t.channel.toUpperCase(),
    status: 'SUCCESS',
    visibility: 'public',
    author: {
      id: contact?.id ?? null,
      name: contact ? `${contact.firstName ?? ''} ${contact.lastName}`.trim() : t.email,
      firstName: contact?.firstName ?? null,
      lastName: contact?.lastName ?? null,
      email: t.email,
      photoURL: null,
      type: 'END_USER',
    },
    createdTime: t.createdTime,
    hasAttach: false,
    attachmentCount: 0,
    isDescriptionThread: true,
    canReply: true,
  };
}
