import { DEMO_KEYS } from '../src/engine/index.ts';

/** The five demo projects of src/engine/seed.ts, as the widget is pointed at them. */
export interface DemoProject {
  id: string;
  name: string;
  graph: string;
  appKey: string;
  /** How a visitor books there, in a few words. */
  flow: string;
}

export const PROJECTS: readonly DemoProject[] = [
  {
    id: 'proj_barber',
    name: 'Hill Valley Barbers',
    graph: 'instant',
    appKey: DEMO_KEYS.barber,
    flow: 'instant booking',
  },
  {
    id: 'proj_consultant',
    name: 'Baines Consulting',
    graph: 'confirm_decline',
    appKey: DEMO_KEYS.consultant,
    flow: 'the owner confirms or declines',
  },
  {
    id: 'proj_yoga',
    name: 'Doc Brown\u2019s Yoga',
    graph: 'group_customer',
    appKey: DEMO_KEYS.yoga,
    flow: 'classes with seats',
  },
  {
    id: 'proj_paid_class',
    name: 'Clock Tower Pilates',
    graph: 'group_customer_payment',
    appKey: DEMO_KEYS.paidClass,
    flow: 'paid class seats',
  },
  {
    id: 'proj_paid_session',
    name: 'McFly Writing Sessions',
    graph: 'instant_payment',
    appKey: DEMO_KEYS.paidSession,
    flow: 'paid 1:1 sessions',
  },
];

export function projectById(id: string): DemoProject {
  return PROJECTS.find((project) => project.id === id) ?? PROJECTS[0]!;
}
