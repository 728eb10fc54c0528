/**
 * What the setup steps ask Zoho Desk: the portals a key reaches, and whether the key can read
 * the chosen portal as the user whose email was entered. Nothing is stored here.
 */
import { DATA_CENTRE_IDS, type DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import type { PortalChoice } from '../../shared/protocol';
import type { DeskClients } from './desk-clients';
import type { Organization } from './schemas';

export interface SetupChecks {
  /** `Next`: the portals this key reaches (NO_PORTALS when none). */
  listPortals(dataCentre: DataCentreId, token: string): Promise<PortalChoice[]>;
  /**
   * `Save`: the chosen portal must be among the key's portals, and the key must read it as the
   * user of `email` (myinfo's emailId, compared without regard to case). Returns the portal and
   * the Desk user, whose email is the one given, or, when none was (the organisation credential
   * names nobody), the one myinfo answered.
   */
  verifyPortal(
    dataCentre: DataCentreId,
    token: string,
    portalId: string,
    email?: string,
  ): Promise<{ portal: PortalChoice; agent: DeskAgent }>;
  /** `Test connection`, `Sign in with Zoho`: who the key reads the portal as. */
  whoAmI(dataCentre: DataCentreId, token: string, portalId: string): Promise<DeskAgent>;
}

/** The Desk user a credential acts as, from myinfo. */
interface DeskAgent {
  email: string;
  /** null when Zoho's answer named nobody (its files let every name be null). */
  name: string | null;
  /** myinfo's rolePermissionType (`Admin`, `AgentPublic`, `Light`, …); null when not sent. */
  role: string | null;
}

function isRejection(error: unknown): error is DeskLinkError {
  return error instanceof DeskLinkError && (error.code === 'INVALID_OAUTH' || error.code === 'UNAUTHORIZED');
}

function toPortalChoice(org: Organization): PortalChoice {
  return {
    id: String(org.id),
    // Zoho's files let both names be null: the portal is then called by what it has.
    companyName: org.companyName ?? org.portalName ?? String(org.id),
    portalName: org.portalName ?? '',
    isDefault: org.isDefault === true,
    timeZone: org.timeZone ?? null,
    edition: org.edition ?? null,
  };
}

export function createSetupChecks(desk: DeskClients): SetupChecks {
  const client = (dataCentre: DataCentreId, token: string, portalId?: string) => desk.forSetup(dataCentre, token, portalId);

  /**
   * After the chosen data centre rejected the key: the first other one whose /organizations
   * accepts it. Only probed after a rejection (the key then visits each Desk host once).
   */
  async function dataCentreAccepting(token: string, rejectedBy: DataCentreId): Promise<DataCentreId | undefined> {
    const others = DATA_CENTRE_IDS.filter((id) => id !== rejectedBy);
    const accepted = await Promise.all(
      others.map((id) =>
        client(id, token)
          .organizations()
          .then(
            () => id,
            () => undefined,
          ),
      ),
    );
    return accepted.find((id) => id !== undefined);
  }

  /** Runs `work`; a rejected key is reported with the data centre where it does work, if any. */
  async function naming<T>(dataCentre: DataCentreId, token: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isRejection(error)) throw error;
      const elsewhere = await dataCentreAccepting(token, dataCentre);
      throw elsewhere ? new DeskLinkError({ ...error.info, dataCentre: elsewhere }) : error;
    }
  }

  async function organizations(dataCentre: DataCentreId, token: string): Promise<PortalChoice[]> {
    const portals = (await client(dataCentre, token).organizations()).map(toPortalChoice);
    if (portals.length === 0) throw new DeskLinkError({ code: 'NO_PORTALS', host: client(dataCentre, token).host });
    return portals;
  }

  async function whoAmI(dataCentre: DataCentreId, token: string, portalId: string): Promise<DeskAgent> {
    const desk = client(dataCentre, token, portalId);
    const me = await desk.myInfo();
    if (!me) throw new DeskLinkError({ code: 'HTTP_ERROR', status: 204, host: desk.host, detail: 'myinfo answered no content' });
    const fullName = [me.firstName, me.lastName].filter((part) => !!part?.trim()).join(' ');
    // Bounded as the settings store them: a longer name from Desk must not make the settings unreadable.
    const name = (me.name?.trim() || fullName).slice(0, 200) || null;
    return { email: me.emailId, name, role: me.rolePermissionType?.trim().slice(0, 64) || null };
  }

  return {
    listPortals: (dataCentre, token) => naming(dataCentre, token, () => organizations(dataCentre, token)),
    verifyPortal: (dataCentre, token, portalId, email) =>
      naming(dataCentre, token, async () => {
        const portal = (await organizations(dataCentre, token)).find((p) => p.id === portalId);
        if (!portal) throw new DeskLinkError({ code: 'PORTAL_NOT_FOUND', host: client(dataCentre, token).host });
        const agent = await whoAmI(dataCentre, token, portalId);
        if (email === undefined) return { portal, agent };
        if (agent.email.trim().toLowerCase() !== email.trim().toLowerCase()) {
          throw new DeskLinkError({ code: 'EMAIL_MISMATCH', host: client(dataCentre, token).host });
        }
        return { portal, agent: { ...agent, email } };
      }),
    whoAmI,
  };
}
