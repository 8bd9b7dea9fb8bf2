import { common } from './common.ts';
import { slotPicker } from './slot-picker.ts';
import { zonePanel } from './zone-panel.ts';
import { classList } from './class-list.ts';
import { customerForm } from './customer-form.ts';
import { countdown } from './countdown.ts';
import { widget } from './widget.ts';
import { widgetAfter } from './widget-after.ts';
import { waitlist } from './waitlist.ts';
import { waitlistAfter } from './waitlist-after.ts';

/** English: the source catalogue. Every other locale has this type, so a missing key fails to compile. */
export const en = {
  common,
  slotPicker: { ...slotPicker, ...zonePanel },
  classList,
  customerForm,
  countdown,
  widget: { ...widget, ...widgetAfter },
  waitlist: { ...waitlist, ...waitlistAfter },
};
