/**
 * Registers every slotkit element at once, with every part they would load later (inner elements first, so the widget upgrades with its
 * children ready). For tests and pages that want no element to arrive later; `slotkit/define`
 * (src/define.ts) registers the widget now and the rest on demand.
 */
import { defineWidget } from './widget/widget.ts';
import { defineSlotPicker } from './slot-picker/slot-picker.ts';
import { defineClassList } from './class-list/class-list.ts';
import { defineCustomerForm } from './customer-form/customer-form.ts';
import { defineCountdown } from './countdown/countdown.ts';
// The time-zone chooser's panel, which the picker and the class list otherwise load on idle.
import './slot-picker/zone-chooser-panel.ts';

defineClassList();
defineSlotPicker();
defineCustomerForm();
defineCountdown();
defineWidget();
