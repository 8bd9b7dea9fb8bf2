/**
 * `slotkit`: the elements' classes, the client and the event classes, with no side effects.
 * Register the elements with `import 'slotkit/define'`.
 */
export { SlotkitWidget, type PaymentHandler } from './components/widget/widget.ts';
export { SlotkitSlotPicker } from './components/slot-picker/slot-picker.ts';
export { SlotkitClassList } from './components/class-list/class-list.ts';
export { SlotkitCustomerForm } from './components/customer-form/customer-form.ts';
export { SlotkitCountdown } from './components/countdown/countdown.ts';
export * from './events.ts';
export * from './sdk/index.ts';
export { VERSION } from './version.ts';
export {
  accentTokens,
  contrastRatio,
  isHexColor,
  readableOn,
} from './components/shared/contrast.ts';
