f'plain {x} and {y!r:>{width}} {{braces}}'
f"{a + b=}" F'{x = !s}' rf'\d{x}' f'''{
    x
}'''
f"{'nested' if c else f'{d}'}" f'{x:%H:%M}'
