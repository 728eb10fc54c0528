/** What setup and the new-ticket form ask: portals, the agent, departments, ticket fields. */
import { FIELD, ORGANIZATION_FIELD } from './create-shapes';
import { id } from './params';
import { DEPARTMENT_ITEM, MY_INFO, ORGANIZATION } from './record-shapes';
import { desk } from './sources';
import type { EndpointContract, QueryParam } from './types';

const chatStatus: QueryParam = { type: 'list', items: 'string', enum: ['AVAILABLE', 'DISABLED', 'NOT_CREATED', '${UNAVAILABLE}'] };

export const organizations: EndpointContract = {
  id: 'organizations',
  method: 'GET',
  path: '/api/v1/organizations',
  operationId: 'getOrganizations',
  source: desk('Organization.json', '3f7016e', 'paths/~1api~1v1~1organizations/get'),
  orgId: false,
  scopes: ['Desk.basic.READ', 'Desk.organization.READ', 'Desk.settings.READ'],
  scopeReadings: [
    { source: desk('Organization.json', '83b5c18', 'paths/~1api~1v1~1organizations/get'), says: 'Desk.basic.READ, Desk.settings.READ' },
  ],
  query: {},
  response: { status: 200, envelope: 'list', item: ORGANIZATION, empty: 204 },
  notes: ['The organizations the current user belongs to; the only call without the orgId header.'],
};

export const myInfo: EndpointContract = {
  id: 'myInfo',
  method: 'GET',
  path: '/api/v1/myinfo',
  operationId: 'getMyInfo',
  source: desk('Agent.json', '3f7016e', 'paths/~1api~1v1~1myinfo/get'),
  orgId: true,
  scopes: ['Desk.settings.READ', 'Desk.basic.READ'],
  query: {
    include: {
      type: 'list',
      items: 'string',
      enum: ['profile', 'role', 'associatedDepartments', 'associatedChatDepartments'],
      maxItems: 4,
    },
  },
  response: { status: 200, envelope: 'object', item: MY_INFO },
};

export const departments: EndpointContract = {
  id: 'departments',
  method: 'GET',
  path: '/api/v1/departments',
  operationId: 'getDepartments',
  source: desk('Department.json', '75e1ba5', 'paths/~1api~1v1~1departments/get'),
  orgId: true,
  scopes: ['Desk.basic.READ', 'Desk.departments.READ', 'Desk.settings.READ'],
  fromBase: 0,
  query: {
    isEnabled: { type: 'boolean' },
    chatStatus,
    searchStr: { type: 'string', minLength: 1, maxLength: 100, wildcard: true },
    limit: { type: 'integer', min: 0, max: 200, default: 10 },
    from: { type: 'integer', min: 0 },
  },
  response: { status: 200, envelope: 'list', item: DEPARTMENT_ITEM, empty: 204 },
};

export const myDepartments: EndpointContract = {
  id: 'myDepartments',
  method: 'GET',
  path: '/api/v1/myDepartments',
  operationId: 'getMyDepartments',
  source: desk('Department.json', '75e1ba5', 'paths/~1api~1v1~1myDepartments/get'),
  orgId: true,
  scopes: ['Desk.settings.READ', 'Desk.basic.READ'],
  query: { isEnabled: { type: 'boolean' }, chatStatus },
  response: { status: 200, envelope: 'list', item: DEPARTMENT_ITEM, empty: 204 },
  notes: ['The departments of the current user; absent from the older files.'],
};

export const fields: EndpointContract = {
  id: 'fields',
  method: 'GET',
  path: '/api/v1/fields',
  operationId: 'getFields',
  source: desk('Field.json', '3f7016e', 'paths/~1api~1v1~1fields/get'),
  orgId: true,
  scopes: ['Desk.basic.READ', 'Desk.fields.READ'],
  query: {
    module: { type: 'string', required: true },
    apiNames: { type: 'string', maxLength: 300 },
    associatedDepartments: { type: 'list', items: 'id' },
  },
  response: { status: 200, envelope: 'list', item: FIELD, empty: 204 },
  notes: ['Picklist values (priority, status, channel) of the org: fields?module=tickets&apiNames=priority,status'],
};

export const organizationFields: EndpointContract = {
  id: 'organizationFields',
  method: 'GET',
  path: '/api/v1/organizationFields',
  operationId: 'getOrganizationFields',
  source: desk('FieldOld.json', 'bc1833e', 'paths/~1api~1v1~1organizationFields/get'),
  orgId: true,
  scopes: ['Desk.settings.READ'],
  query: { module: { type: 'string', required: true }, apiNames: { type: 'string', maxLength: 300 }, departmentId: id },
  response: { status: 200, envelope: 'list', item: ORGANIZATION_FIELD, empty: 204 },
};
