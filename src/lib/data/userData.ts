/** The template a reader can download for their own points (the import accepts much more: see ./import). */
export const USER_TEMPLATE =
  'name,lat,lon,date,value,note\nLampedusa,35.5014,12.6096,2023-09,11000,my own figure\n';
