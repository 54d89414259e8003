import { Language } from '../../i18n';
import { StaffRole } from '../staffAccounts';

/** The signed-in staff member a page is drawn for: who, with which role, in which language, with the form token. */
export interface Viewer {
  email: string;
  role: StaffRole;
  language: Language;
  csrfToken: string;
}
