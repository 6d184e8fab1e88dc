import * as electron from 'electron';
import { startApp } from './app';

void startApp(electron);
