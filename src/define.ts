/**
 * `import 'slotkit/define'`: registers every slotkit element, each under a version guard. The
 * only module with that side effect; `slotkit` itself only exports classes.
 */
import { defineElement } from './components/shared/define.ts';
import { SlotkitWidget } from './components/widget/widget.ts';
import { SlotkitSlotPicker } from './components/slot-picker/slot-picker.ts';
import { SlotkitClassList } from './components/class-list/class-list.ts';
import { SlotkitClassListItem } from './components/class-list/class-list-item.ts';
import { SlotkitCustomerForm } from './components/customer-form/customer-form.ts';
import { SlotkitCountdown } from './components/countdown/countdown.ts';

// Inner elements first, so the widget upgrades with its children ready.
defineElement('slotkit-class-list-item', SlotkitClassListItem);
defineElement('slotkit-class-list', SlotkitClassList);
defineElement('slotkit-slot-picker', SlotkitSlotPicker);
defineElement('slotkit-customer-form', SlotkitCustomerForm);
defineElement('slotkit-countdown', SlotkitCountdown);
defineElement('slotkit-widget', SlotkitWidget);
