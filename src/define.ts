/**
 * `import 'slotkit/define'`: registers every slotkit element, each under a version guard. The
 * only module with that side effect; `slotkit` itself only exports classes.
 */
import { defineWidget } from './components/widget/widget.ts';
import { defineSlotPicker } from './components/slot-picker/slot-picker.ts';
import { defineClassList } from './components/class-list/class-list.ts';
import { defineCustomerForm } from './components/customer-form/customer-form.ts';
import { defineCountdown } from './components/countdown/countdown.ts';

// Inner elements first, so the widget upgrades with its children ready.
defineClassList();
defineSlotPicker();
defineCustomerForm();
defineCountdown();
defineWidget();
