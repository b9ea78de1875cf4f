import { notifications } from '@mantine/notifications';
import { errorMessage } from './invoke';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

export function notifyError(err: unknown, title = 'Something went wrong'): void {
  notifications.show({ color: 'red', title, message: errorMessage(err), autoClose: 8000 });
}
