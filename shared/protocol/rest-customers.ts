/** REST routes of 顾客信息 / 轨迹 / 名片分类 (issue 5): page views from the widget, profiles for agents. */
import { CustomerProfilePatchSchema, CustomerProfileSchema, PageViewReportSchema, PageViewSchema } from '../customers.js';
import { IdParams } from './rest-common.js';
import type { RouteDef } from './rest.js';

export const customerRoutes = {
  reportPageView: {
    method: 'POST',
    path: '/api/visitor/page-views',
    access: 'visitor',
    summary: 'The widget reports a page of the company site the visitor is on (for the visitor itself only)',
    body: PageViewReportSchema,
    response: PageViewSchema,
  },
  leavePageView: {
    method: 'POST',
    path: '/api/visitor/page-views/:id/leave',
    access: 'visitor',
    summary: 'The visitor left (or hid) that page: records the time on page',
    params: IdParams,
    response: PageViewSchema,
  },
  getCustomerProfile: {
    method: 'GET',
    path: '/api/visitors/:id/profile',
    access: 'staff',
    summary: '顾客信息 and 轨迹 of a visitor the agent serves (admins: any)',
    params: IdParams,
    response: CustomerProfileSchema,
  },
  updateCustomerProfile: {
    method: 'PATCH',
    path: '/api/visitors/:id/profile',
    access: 'staff',
    summary: 'Set 名片分类 tags, phone, e-mail of a visitor the agent serves',
    params: IdParams,
    body: CustomerProfilePatchSchema,
    response: CustomerProfileSchema,
  },
} as const satisfies Record<string, RouteDef>;
