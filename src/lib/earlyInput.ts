/**
 * What a reader did before the page was live, given again once it is. The
 * page is drawn before its scripts run (src/lib/boot.js records in the
 * meantime): a filter chosen or a file picked then is chosen again, so that
 * its handler hears of it; a button pressed then is pressed again. Links,
 * summaries and submit buttons did what they do without scripts, and are
 * left alone.
 */
interface EarlyEvent {
	type: string;
	target: EventTarget | null;
	value?: string;
	checked?: boolean;
}

declare global {
	interface Window {
		/** Stops recording and hands over what was recorded (src/lib/boot.js). */
		ipsEarlyInput?: () => EarlyEvent[];
	}
}

/**
 * Stops recording the moment the page has hydrated (its own handlers hear
 * what comes next: recorded as well, a file chosen then would be checked
 * twice) and returns what replays the recorded input, in order.
 */
export function takeEarlyInput(): () => void {
	const early = window.ipsEarlyInput?.() ?? [];
	return () => {
		// Only a control's last choice counts: choosing twice before the page was live is one choice.
		const lastChange = new Map<EventTarget, EarlyEvent>();
		for (const event of early) if (event.type === 'change' && event.target) lastChange.set(event.target, event);
		for (const event of early) {
			const { target } = event;
			if (!(target instanceof Element) || !target.isConnected) continue;
			if (event.type === 'change' && lastChange.get(target) === event) choose(target, event);
			if (event.type === 'click') press(target);
		}
	};
}

function choose(control: Element, { value, checked }: EarlyEvent) {
	if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) return;
	if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) control.checked = checked ?? control.checked;
	// A file input keeps its files; its value cannot be set.
	else if (control.type !== 'file') control.value = value ?? control.value;
	control.dispatchEvent(new Event('change', { bubbles: true }));
}

function press(target: Element) {
	const button = target.closest('button');
	if (!button || button.disabled) return;
	// A submit button of a form already submitted it, as a form does without scripts.
	if (button.type === 'submit' && button.form) return;
	button.click();
}
