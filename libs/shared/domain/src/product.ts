/** The product's name, as people see it (web title, SMS signature, API seed). */
export const PRODUCT_NAME = 'Personal Assistant TDAH';
