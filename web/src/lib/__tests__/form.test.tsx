import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { TextField } from '@/components/ui/field';
import { ApiProblem } from '@/lib/api-client';
import { useForm } from '@/lib/form';

const schema = z.object({
  name: z.string().trim().min(1, 'validation.required'),
  lat: z.string(),
});

function Demo({ onSubmit }: { onSubmit: (data: z.infer<typeof schema>) => unknown }) {
  const form = useForm({ schema, defaults: { name: '', lat: '' }, aliases: { 'location.lat': 'lat' }, onSubmit });
  return (
    <form {...form.formProps}>
      {form.formError && <div role="alert">{form.formError}</div>}
      <TextField label="Имя" {...form.register('name')} />
      <TextField label="Широта" {...form.register('lat')} />
      <button type="submit" disabled={form.submitting}>
        {form.submitting ? 'Сохраняем' : 'Сохранить'}
      </button>
    </form>
  );
}

describe('useForm', () => {
  it('validates with the schema, translates the message and focuses the first invalid field', async () => {
    const onSubmit = vi.fn();
    render(<Demo onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('error-name')).toHaveTextContent('Обязательное поле');
    expect(screen.getByLabelText('Имя')).toHaveFocus();

    // Editing the field hides its message until the next submit.
    await userEvent.type(screen.getByLabelText('Имя'), 'Анна');
    expect(screen.queryByTestId('error-name')).not.toBeInTheDocument();
  });

  it('tracks the submit and spreads a problem’s errors[] over the fields (aliases too)', async () => {
    let reject: (e: unknown) => void = () => {};
    const onSubmit = vi.fn(() => new Promise((_, r) => (reject = r)));
    render(<Demo onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Имя'), '  Анна ');
    await userEvent.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(onSubmit).toHaveBeenCalledWith({ name: 'Анна', lat: '' }, expect.anything());
    expect(screen.getByRole('button', { name: 'Сохраняем' })).toBeDisabled();

    reject(
      new ApiProblem(422, {
        code: 'validation_failed',
        title: 'Invalid',
        errors: [
          { field: '/location/lat', message: 'out of range' },
          { field: 'phone', message: 'unknown field' },
        ],
      }),
    );
    expect(await screen.findByTestId('error-lat')).toHaveTextContent('out of range');
    expect(screen.getByRole('alert')).toHaveTextContent('phone: unknown field');
    await waitFor(() => expect(screen.getByLabelText('Широта')).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Сохранить' })).toBeEnabled();
  });

  it('shows a problem without errors[] as one form-level message', async () => {
    render(<Demo onSubmit={() => Promise.reject(new ApiProblem(503, { code: 'service_unavailable' }))} />);
    await userEvent.type(screen.getByLabelText('Имя'), 'Анна');
    await userEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/./);
    expect(screen.queryByTestId('error-name')).not.toBeInTheDocument();
  });
});
